// Groups and their members ($ref), a user's memberOf, licences (subscribedSkus, assignLicense)
// and the manager reference.
import { randomUUID } from "node:crypto";
import { actionParametersProblem, objectProblem } from "./graph-body-validator.ts";
import { badRequest, notFound } from "./graph-fault.ts";
import { page, parseEqualsFilter } from "./graph-query.ts";
import { objectBody, referencedId, type GraphReply, type GraphRequestContext } from "./graph-request-context.ts";
import { consumedUnits, groupJson, licenceJson, type GraphGroup, type GraphUser } from "./graph-store.ts";
import { userJson } from "./graph-user-rules.ts";
import { userAt } from "./graph-user-routes.ts";

function groupAt(context: GraphRequestContext, id: string): GraphGroup {
  const group = context.store.groups.get(id);
  if (!group) throw notFound(id);
  return group;
}

const listOf = (context: GraphRequestContext, name: string, items: unknown[]): GraphReply => ({
  status: 200,
  body: { "@odata.context": `${context.baseUrl}/$metadata#${name}`, ...page(items, context.query, context.requestUrl, context.pageSize) },
});

/** POST /groups with the properties Microsoft documents as required; Graph cannot create mail-enabled security groups. */
function createGroup(context: GraphRequestContext): GraphReply {
  const body = objectBody(context);
  const problem = objectProblem(context.metadata, "microsoft.graph.group", body);
  if (problem) throw badRequest(problem);
  for (const property of ["displayName", "mailEnabled", "mailNickname", "securityEnabled"]) {
    if (body[property] === undefined || body[property] === null) throw badRequest(`Invalid value specified for property '${property}' of resource 'Group'.`);
  }
  const unified = Array.isArray(body.groupTypes) && body.groupTypes.includes("Unified");
  if (body.mailEnabled === true && !unified) throw badRequest("Cannot create a mail-enabled security groups and or distribution list.");
  const group: GraphGroup = {
    id: randomUUID(),
    displayName: String(body.displayName),
    description: typeof body.description === "string" ? body.description : null,
    mailNickname: String(body.mailNickname),
    mailEnabled: body.mailEnabled === true,
    securityEnabled: body.securityEnabled === true,
    members: new Set(),
  };
  context.store.groups.set(group.id, group);
  return { status: 201, body: { "@odata.context": `${context.baseUrl}/$metadata#groups/$entity`, ...groupJson(group) } };
}

function handleGroups(context: GraphRequestContext): GraphReply | undefined {
  const { method, segments } = context;
  if (segments.length === 1 && method === "POST") return createGroup(context);
  if (segments.length === 1 && method === "GET") {
    let groups = [...context.store.groups.values()];
    const filter = context.query.get("$filter");
    if (filter !== null) {
      const { property, value } = parseEqualsFilter(filter, ["displayName", "mailNickname"], "Group");
      groups = groups.filter((group) => String(group[property as "displayName" | "mailNickname"]).toLowerCase() === value.toLowerCase());
    }
    return listOf(context, "groups", groups.map(groupJson));
  }
  if (segments.length < 2) return undefined;
  const group = groupAt(context, segments[1]!);
  const rest = segments.slice(2).join("/");
  if (rest === "" && method === "GET") return { status: 200, body: groupJson(group) };
  if (rest === "members" && method === "GET") return listOf(context, "directoryObjects", [...group.members].map((id) => ({ "@odata.type": "#microsoft.graph.user", ...userJson(userAt(context, id)) })));
  if (rest === "members/$ref" && method === "POST") {
    const member = userAt(context, referencedId(context, objectBody(context)));
    if (group.members.has(member.id)) throw badRequest("One or more added object references already exist for the following modified properties: 'members'.");
    group.members.add(member.id);
    return { status: 204 };
  }
  if (segments.length === 5 && segments[2] === "members" && segments[4] === "$ref" && method === "DELETE") {
    if (!group.members.delete(segments[3]!)) throw notFound(segments[3]!);
    return { status: 204 };
  }
  return undefined;
}

function assignLicense(context: GraphRequestContext, user: GraphUser): GraphReply {
  const body = objectBody(context);
  const problem = actionParametersProblem(context.metadata, "microsoft.graph.user/assignLicense", body);
  if (problem) throw badRequest(problem);
  const add = body.addLicenses as { skuId?: string; disabledPlans: string[] }[];
  const remove = body.removeLicenses as string[];
  for (const skuId of [...add.map((licence) => licence.skuId ?? ""), ...remove]) {
    if (!context.store.licences.has(skuId)) throw badRequest(`License ${skuId} does not correspond to a valid company License.`);
  }
  for (const skuId of remove) {
    if (!user.assignedLicenses.some((licence) => licence.skuId === skuId)) throw badRequest("User does not have a corresponding license.");
  }
  if (add.length > 0 && !user.properties.usageLocation) throw badRequest("License assignment cannot be done for user with invalid usage location.");
  for (const licence of add) {
    const sku = context.store.licences.get(licence.skuId!)!;
    const assigned = user.assignedLicenses.some((held) => held.skuId === sku.skuId);
    if (!assigned && consumedUnits(context.store, sku.skuId) >= sku.enabledUnits) throw badRequest(`Subscription ${sku.skuPartNumber} does not have any available licenses.`);
  }
  user.assignedLicenses = user.assignedLicenses.filter((held) => !remove.includes(held.skuId) && !add.some((licence) => licence.skuId === held.skuId));
  user.assignedLicenses.push(...add.map((licence) => ({ skuId: licence.skuId!, disabledPlans: licence.disabledPlans })));
  return { status: 200, body: { "@odata.context": `${context.baseUrl}/$metadata#users/$entity`, ...userJson(user) } };
}

function handleUserRelations(context: GraphRequestContext): GraphReply | undefined {
  const { method, segments } = context;
  if (segments.length < 3) return undefined;
  const user = userAt(context, segments[1]!);
  const rest = segments.slice(2).join("/");
  if (rest === "memberOf" && method === "GET") {
    const groups = [...context.store.groups.values()].filter((group) => group.members.has(user.id));
    return listOf(context, "directoryObjects", groups.map(groupJson));
  }
  if (rest === "assignLicense" && method === "POST") return assignLicense(context, user);
  if (rest === "manager" && method === "GET") {
    if (!user.managerId) throw notFound("manager");
    return { status: 200, body: { "@odata.type": "#microsoft.graph.user", ...userJson(userAt(context, user.managerId)) } };
  }
  if (rest === "manager/$ref" && method === "PUT") {
    const manager = userAt(context, referencedId(context, objectBody(context)));
    if (manager.id === user.id) throw badRequest("A user cannot be their own manager.");
    user.managerId = manager.id;
    return { status: 204 };
  }
  if (rest === "manager/$ref" && method === "DELETE") {
    if (!user.managerId) throw notFound("manager");
    delete user.managerId;
    return { status: 204 };
  }
  return undefined;
}

export function handleRelationRoutes(context: GraphRequestContext): GraphReply | undefined {
  const [first] = context.segments;
  if (first === "groups") return handleGroups(context);
  if (first === "users") return handleUserRelations(context);
  if (first === "subscribedSkus" && context.segments.length === 1 && context.method === "GET") {
    return listOf(context, "subscribedSkus", [...context.store.licences.values()].map((licence) => licenceJson(context.store, licence)));
  }
  return undefined;
}

