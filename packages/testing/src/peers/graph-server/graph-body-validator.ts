// Refuses a request body the way Microsoft Graph does, using its published metadata: a property
// that the type (or its base types) does not declare, a value of another Edm type, null where the
// metadata says Nullable="false", an enum value that is not a member. Messages follow OData's
// wording, which Graph returns as is, with the property path added so a failing test says where.
import { derivesFrom, findProperty, hasNavigationProperty, type GraphMetadata, type GraphProperty } from "./graph-metadata.ts";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const INTEGER_RANGES: Record<string, [number, number]> = {
  "Edm.Byte": [0, 255],
  "Edm.SByte": [-128, 127],
  "Edm.Int16": [-32_768, 32_767],
  "Edm.Int32": [-2_147_483_648, 2_147_483_647],
  "Edm.Int64": [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

const cannotConvert = (value: unknown, type: string, path: string) =>
  `Cannot convert the literal '${JSON.stringify(value)}' to the expected type '${type}' (property '${path}').`;

function primitiveProblem(type: string, value: unknown, path: string): string | undefined {
  const range = INTEGER_RANGES[type];
  if (range) return Number.isInteger(value) && (value as number) >= range[0] && (value as number) <= range[1] ? undefined : cannotConvert(value, type, path);
  const valid = (() => {
    switch (type) {
      case "Edm.String":
      case "Edm.TimeOfDay":
      case "Edm.Duration":
        return typeof value === "string";
      case "Edm.Boolean":
        return typeof value === "boolean";
      case "Edm.Double":
      case "Edm.Single":
      case "Edm.Decimal":
        return typeof value === "number";
      case "Edm.Guid":
        return typeof value === "string" && GUID.test(value);
      case "Edm.DateTimeOffset":
        return typeof value === "string" && DATE_TIME_OFFSET.test(value) && !Number.isNaN(Date.parse(value));
      case "Edm.Date":
        return typeof value === "string" && DATE.test(value);
      case "Edm.Binary":
        return typeof value === "string" && BASE64.test(value);
      case "Edm.Untyped":
        return true;
      default:
        return undefined;
    }
  })();
  if (valid === undefined) return `The test server does not know the type '${type}' of property '${path}'.`;
  return valid ? undefined : cannotConvert(value, type, path);
}

function valueProblem(metadata: GraphMetadata, property: GraphProperty, value: unknown, path: string): string | undefined {
  if (value === null) {
    return property.nullable
      ? undefined
      : `A null value was found for the property named '${path}', which has the expected type '${property.type}[Nullable=False]'. The expected type '${property.type}[Nullable=False]' does not allow null values.`;
  }
  const collection = /^Collection\((.+)\)$/.exec(property.type);
  if (collection) {
    if (!Array.isArray(value)) return `An unexpected '${typeof value}' value was found for the collection property '${path}' of type '${property.type}'; a JSON array was expected.`;
    for (const [index, element] of value.entries()) {
      const problem = valueProblem(metadata, { type: collection[1]!, nullable: property.nullable }, element, `${path}[${index}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  if (property.type.startsWith("Edm.")) return primitiveProblem(property.type, value, path);
  const members = metadata.enums.get(property.type);
  if (members) {
    const names = typeof value === "string" ? value.split(",").map((name) => name.trim()) : [];
    return names.length > 0 && names.every((name) => members.has(name))
      ? undefined
      : `The value ${JSON.stringify(value)} of property '${path}' is not a member of the enum type '${property.type}'.`;
  }
  if (metadata.structured.has(property.type)) {
    if (!isPlainObject(value)) return `An unexpected '${Array.isArray(value) ? "array" : typeof value}' value was found for property '${path}'; an object of type '${property.type}' was expected.`;
    return objectProblem(metadata, property.type, value, path);
  }
  return `The test server does not know the type '${property.type}' of property '${path}'.`;
}

/** The first problem with `body` as an instance of the structured type, or undefined when Graph would accept it. */
export function objectProblem(metadata: GraphMetadata, typeName: string, body: Record<string, unknown>, path = ""): string | undefined {
  let actualType = typeName;
  const declared = body["@odata.type"];
  if (declared !== undefined) {
    const derived = typeof declared === "string" ? declared.replace(/^#/, "") : "";
    if (!derivesFrom(metadata, derived, typeName)) return `The type '${String(declared)}' given in '@odata.type' is not '${typeName}' or a type derived from it.`;
    actualType = derived;
  }
  for (const [key, value] of Object.entries(body)) {
    if (key === "@odata.type") continue;
    const keyPath = path ? `${path}.${key}` : key;
    if (key.endsWith("@odata.bind")) {
      const navigation = key.slice(0, -"@odata.bind".length);
      if (!hasNavigationProperty(metadata, actualType, navigation)) return `Property '${navigation}' does not exist as a navigation property on type '${actualType}'.`;
      const references = Array.isArray(value) ? value : [value];
      if (!references.every((reference) => typeof reference === "string")) return `The value of '${keyPath}' must be a URL or a list of URLs.`;
      continue;
    }
    const property = findProperty(metadata, actualType, key);
    if (!property) {
      return `Property '${key}' does not exist on type '${actualType}'. Make sure to only use property names that are defined by the type or mark the type as open type.`;
    }
    const problem = valueProblem(metadata, property, value, keyPath);
    if (problem) return problem;
  }
  return undefined;
}

/** The first problem with the parameters of a bound action (assignLicense), every non-nullable one required. */
export function actionParametersProblem(metadata: GraphMetadata, action: string, body: Record<string, unknown>): string | undefined {
  const parameters = metadata.actions.get(action);
  if (!parameters) return `The test server does not know the action '${action}'.`;
  for (const [key, value] of Object.entries(body)) {
    const parameter = parameters.get(key);
    if (!parameter) return `The parameter '${key}' in the request payload is not a valid parameter for the operation '${action.split("/")[1]}'.`;
    const problem = valueProblem(metadata, parameter, value, key);
    if (problem) return problem;
  }
  for (const [name, parameter] of parameters) {
    if (!parameter.nullable && !Object.hasOwn(body, name)) return `One or more parameters of the operation '${action.split("/")[1]}' are missing from the request payload. The missing parameters are: ${name}.`;
  }
  return undefined;
}

export { isPlainObject };
