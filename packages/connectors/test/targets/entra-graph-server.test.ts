// The Graph test server refuses what Microsoft Graph refuses, so the connector tests that pass
// against it prove requests Graph would accept: checked here with raw requests.
import { useGraphServer } from "../../../testing/src/peers/index.ts";
import { describe, expect, it } from "vitest";

const graph = useGraphServer();

async function token(): Promise<string> {
  const { server } = graph;
  const form = new URLSearchParams({ grant_type: "client_credentials", client_id: server.clientId, client_secret: server.clientSecret, scope: "https://graph.microsoft.com/.default" });
  const response = await fetch(server.tokenUrl, { method: "POST", body: form });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

async function call(method: string, path: string, body?: unknown, bearer?: string) {
  const response = await fetch(`${graph.server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${bearer ?? (await token())}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: (text ? JSON.parse(text) : {}) as { error?: { code: string; message: string } } & Record<string, unknown> };
}

const validUser = (alias: string) => ({
  accountEnabled: true,
  displayName: alias,
  mailNickname: alias,
  userPrincipalName: `${alias}@${graph.server.domain}`,
  passwordProfile: { password: "Welcome-2026!x", forceChangePasswordNextSignIn: true },
});

describe("the Graph test server checks bodies against Microsoft's v1.0 metadata", () => {
  it("accepts a valid user and refuses an unknown property in Graph's error shape", async () => {
    expect((await call("POST", "/users", validUser("valid"))).status).toBe(201);
    const unknown = await call("POST", "/users", { ...validUser("unknown"), favouriteColour: "blue" });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toMatchObject({ code: "Request_BadRequest", message: expect.stringContaining("Property 'favouriteColour' does not exist on type 'microsoft.graph.user'") });
  });

  it("refuses a value of the wrong Edm type, also inside a complex type", async () => {
    const wrongBoolean = await call("POST", "/users", { ...validUser("wrongtype"), accountEnabled: "yes" });
    expect(wrongBoolean.status).toBe(400);
    expect(wrongBoolean.json.error?.message).toContain("'Edm.Boolean'");
    const wrongNested = await call("POST", "/users", { ...validUser("wrongnested"), passwordProfile: { password: "Welcome-2026!x", forceChangePasswordNextSignIn: "true" } });
    expect(wrongNested.json.error?.message).toContain("passwordProfile.forceChangePasswordNextSignIn");
    const unknownNested = await call("POST", "/users", { ...validUser("unknownnested"), passwordProfile: { password: "Welcome-2026!x", mustChange: true } });
    expect(unknownNested.json.error?.message).toContain("Property 'mustChange' does not exist on type 'microsoft.graph.passwordProfile'");
    const collection = await call("PATCH", `/users/valid@${graph.server.domain}`, { businessPhones: "+31 20 123" });
    expect(collection.status).toBe(400);
  });

  it("refuses a create without one of the documented required properties, and a duplicate userPrincipalName", async () => {
    for (const missing of ["accountEnabled", "displayName", "mailNickname", "passwordProfile", "userPrincipalName"]) {
      const body: Record<string, unknown> = validUser(`missing${missing}`);
      delete body[missing];
      const answer = await call("POST", "/users", body);
      expect(answer.status, missing).toBe(400);
      expect(answer.json.error?.message).toContain(missing);
    }
    const duplicate = await call("POST", "/users", validUser("valid"));
    expect(duplicate.json.error?.message).toBe("Another object with the same value for property userPrincipalName already exists.");
  });

  it("checks action parameters (assignLicense) and references against the metadata", async () => {
    const licence = [...graph.server.licences.keys()][0]!;
    const missingRemove = await call("POST", `/users/valid@${graph.server.domain}/assignLicense`, { addLicenses: [{ skuId: licence, disabledPlans: [] }] });
    expect(missingRemove.json.error?.message).toContain("removeLicenses");
    const notGuid = await call("POST", `/users/valid@${graph.server.domain}/assignLicense`, { addLicenses: [{ skuId: "E3", disabledPlans: [] }], removeLicenses: [] });
    expect(notGuid.json.error?.message).toContain("'Edm.Guid'");
    const group = [...graph.server.groups.keys()][0]!;
    const badReference = await call("POST", `/groups/${group}/members/$ref`, { "@odata.id": "x", extra: 1 });
    expect(badReference.status).toBe(400);
    const mailSecurity = await call("POST", "/groups", { displayName: "Mail security", mailEnabled: true, mailNickname: "mailsec", securityEnabled: true });
    expect(mailSecurity.json.error?.message).toBe("Cannot create a mail-enabled security groups and or distribution list.");
    const missingNickname = await call("POST", "/groups", { displayName: "No nickname", mailEnabled: false, securityEnabled: true });
    expect(missingNickname.json.error?.message).toContain("mailNickname");
    const wrongGroupType = await call("POST", "/groups", { displayName: "Typed", mailEnabled: false, mailNickname: "typed", securityEnabled: "yes" });
    expect(wrongGroupType.json.error?.message).toContain("'Edm.Boolean'");
  });

  it("refuses calls without a valid token and filters Graph does not support", async () => {
    const anonymous = await fetch(`${graph.server.url}/users`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe("InvalidAuthenticationToken");
    const unsupported = await call("GET", `/users?$filter=${encodeURIComponent("city eq 'Utrecht'")}`);
    expect(unsupported.json.error).toMatchObject({ code: "Request_UnsupportedQuery" });
    const wrongSecret = await fetch(graph.server.tokenUrl, {
      method: "POST",
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: graph.server.clientId, client_secret: "nope", scope: "https://graph.microsoft.com/.default" }),
    });
    expect(wrongSecret.status).toBe(401);
    // The request log never keeps a client secret or a password.
    expect(JSON.stringify(graph.server.requests.map((request) => String(request.body)))).not.toContain(graph.server.clientSecret);
    expect(graph.server.requests.some((request) => JSON.stringify(request.body)?.includes("Welcome-2026!x"))).toBe(false);
  });

  it("answers reads as Graph does: default properties only, $select checked, $top bounded, member references checked", async () => {
    const user = await call("GET", `/users/valid@${graph.server.domain}`);
    expect(user.json).toHaveProperty("userPrincipalName");
    // accountEnabled is not in Graph's default set: a connector that forgets $select reads undefined.
    expect(user.json).not.toHaveProperty("accountEnabled");
    expect((await call("GET", `/users/valid@${graph.server.domain}?$select=id,accountEnabled`)).json).toMatchObject({ accountEnabled: true });
    expect((await call("GET", "/users?$select=id,shoeSize")).json.error?.message).toBe("Could not find a property named 'shoeSize' on type 'microsoft.graph.user'.");
    expect((await call("GET", "/users?$top=1000")).status).toBe(400);
    const group = [...graph.server.groups.keys()][0]!;
    const userId = String(user.json.id);
    expect((await call("DELETE", `/groups/${group}/members/${userId}/$ref`)).status).toBe(404);
    expect((await call("POST", `/groups/${group}/members/$ref`, { "@odata.id": `${graph.server.url}/directoryObjects/${userId}` })).status).toBe(204);
    const again = await call("POST", `/groups/${group}/members/$ref`, { "@odata.id": `${graph.server.url}/directoryObjects/${userId}` });
    expect(again.json.error?.message).toContain("One or more added object references already exist");
  });
});
