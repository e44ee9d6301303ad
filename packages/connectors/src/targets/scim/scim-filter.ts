import { ConnectorError } from "../../connector-error.ts";

/**
 * SCIM filters (RFC 7644 3.4.2.2) for lookups. Values are JSON strings in the filter grammar, so
 * JSON.stringify escapes them exactly as the grammar wants (quotes, backslashes, control characters).
 */
export function scimString(value: string): string {
  return JSON.stringify(value);
}

const ATTRIBUTE_PATH = /^(urn:[A-Za-z0-9.:_-]+:)?[A-Za-z][A-Za-z0-9_$-]*(\.[A-Za-z][A-Za-z0-9_$-]*)?$/;
/** `emails[type eq "work"].value`: a multi-valued attribute narrowed by one simple comparison. */
const VALUE_PATH = /^([A-Za-z][A-Za-z0-9_-]*)\[([A-Za-z][A-Za-z0-9_-]*) eq ("(?:[^"\\]|\\.)*")\]\.([A-Za-z][A-Za-z0-9_-]*)$/;
/** The account data's plain names for multi-valued attributes (see scim-account-data.ts) match any of their values. */
const ANY_VALUE = new Map([
  ["emails", "emails.value"],
  ["phoneNumbers", "phoneNumbers.value"],
]);
/** `emails.work`: the account data's name for the value of the entry of that type. */
const TYPED_VALUE = /^(emails|phoneNumbers|ims|photos)\.([A-Za-z][A-Za-z0-9_-]*)$/;

/**
 * `attribute eq "value"` for correlation and uniqueness checks. The attribute is a SCIM attribute
 * path (userName, externalId, name.familyName, emails.value, urn:...:User:employeeNumber), the
 * account data's name of a typed value (emails.work) or a value path such as emails[type eq "work"].value; anything else is refused, so configuration
 * cannot smuggle other filter expressions in.
 */
export function equalityFilter(attribute: string, value: string): string {
  const valuePath = VALUE_PATH.exec(attribute);
  if (valuePath) {
    const [, parent, selector, selected, sub] = valuePath;
    return `${parent}[${selector} eq ${selected} and ${sub} eq ${scimString(value)}]`;
  }
  const typed = TYPED_VALUE.exec(attribute);
  if (typed && typed[2] !== "value") return `${typed[1]}[type eq ${scimString(typed[2]!)} and value eq ${scimString(value)}]`;
  const path = ANY_VALUE.get(attribute) ?? attribute;
  if (!ATTRIBUTE_PATH.test(path)) {
    throw new ConnectorError(
      "invalid_settings",
      `"${attribute.slice(0, 200)}" is not a SCIM attribute path to look accounts up by: use e.g. userName, externalId, emails.value or emails[type eq "work"].value`,
    );
  }
  return `${path} eq ${scimString(value)}`;
}
