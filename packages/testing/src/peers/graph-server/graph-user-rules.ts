// What Microsoft's documentation (not the metadata) says about user bodies: the properties
// required on create, userPrincipalName unique and in a verified domain, mailNickname's
// characters, and the default password complexity.
import { badRequest } from "./graph-fault.ts";
import type { GraphRequestContext } from "./graph-request-context.ts";
import type { GraphUser } from "./graph-store.ts";

export const REQUIRED_ON_CREATE = ["accountEnabled", "displayName", "mailNickname", "passwordProfile", "userPrincipalName"] as const;

/** What GET /users returns without $select (Graph's documented default set). */
export const DEFAULT_USER_PROPERTIES = ["businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname", "userPrincipalName", "id"];

const MAIL_NICKNAME = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.]{1,64}$/;

const invalidValue = (property: string) => badRequest(`Invalid value specified for property '${property}' of resource 'User'.`);

function passwordComplexEnough(password: string): boolean {
  const categories = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
  return password.length >= 8 && password.length <= 256 && categories >= 3;
}

/** Checks the documented rules for a create (`existing` undefined) or an update of `existing`. */
export function checkUserRules(context: GraphRequestContext, body: Record<string, unknown>, existing?: GraphUser): void {
  if (!existing) {
    for (const property of REQUIRED_ON_CREATE) {
      if (body[property] === undefined || body[property] === null) throw invalidValue(property);
    }
  }
  const profile = body.passwordProfile as { password?: unknown } | undefined;
  if (profile !== undefined) {
    if (typeof profile?.password !== "string") throw invalidValue("passwordProfile");
    if (!passwordComplexEnough(profile.password)) throw badRequest("The specified password does not comply with password complexity requirements. Please provide a different password.");
  }
  if (body.mailNickname !== undefined && !MAIL_NICKNAME.test(String(body.mailNickname))) throw invalidValue("mailNickname");
  if (body.userPrincipalName !== undefined) {
    const principal = String(body.userPrincipalName);
    const [alias, domain, ...rest] = principal.split("@");
    if (!alias || !domain || rest.length > 0) throw badRequest("Property userPrincipalName is invalid.");
    if (!context.domains.some((verified) => verified.toLowerCase() === domain.toLowerCase())) {
      throw badRequest("The domain portion of the userPrincipalName property is invalid. You must use one of the verified domain names in your organization.");
    }
    for (const user of context.store.users.values()) {
      if (user !== existing && String(user.properties.userPrincipalName).toLowerCase() === principal.toLowerCase()) {
        throw badRequest("Another object with the same value for property userPrincipalName already exists.");
      }
    }
  }
}

/** A user as Graph returns it: the selected properties (null when unset), never the password. */
export function userJson(user: GraphUser, select: readonly string[] = DEFAULT_USER_PROPERTIES): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  for (const name of select) {
    if (name === "id") json.id = user.id;
    else if (name === "assignedLicenses") json.assignedLicenses = user.assignedLicenses;
    else if (name === "passwordProfile") json.passwordProfile = null;
    else json[name] = user.properties[name] ?? (name === "businessPhones" ? [] : null);
  }
  return json;
}
