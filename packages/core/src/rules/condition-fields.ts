import { CONTRACT_FIELDS, PERSON_FIELDS, isCustomFieldPath, type FieldKind } from "../persons/person-model.ts";
import { BOOLEAN_OPERATORS, DATE_OPERATORS, NUMBER_OPERATORS, TEXT_OPERATORS } from "./condition.ts";

/** The type a condition compares a field as. */
export type ConditionFieldType = "text" | "number" | "date" | "boolean";

export const CONTRACT_FIELD_PREFIX = "Contract.";

const typeOfKind = (kind: FieldKind): ConditionFieldType => (kind === "convention" ? "text" : kind);

const personTypes = new Map(PERSON_FIELDS.map((field) => [field.path, typeOfKind(field.kind)]));
const contractTypes = new Map(CONTRACT_FIELDS.map((field) => [field.path, typeOfKind(field.kind)]));

export interface ResolvedField {
  /** Where the value is read: the person or the contract being tried. */
  on: "person" | "contract";
  /** The path within it. */
  path: string;
  /** The model's type; custom fields take the declared type, else undefined (any operator goes). */
  type: ConditionFieldType | undefined;
}

/**
 * What a condition's field names; undefined when the field does not exist. `customTypes` are the
 * tenant's declared custom field types (Custom.Grade -> number), when it declares them.
 */
export function resolveConditionField(field: string, customTypes: ReadonlyMap<string, ConditionFieldType> = new Map()): ResolvedField | undefined {
  const onContract = field.startsWith(CONTRACT_FIELD_PREFIX);
  const path = onContract ? field.slice(CONTRACT_FIELD_PREFIX.length) : field;
  const types = onContract ? contractTypes : personTypes;
  const known = types.get(path);
  if (known) return { on: onContract ? "contract" : "person", path, type: known };
  if (isCustomFieldPath(path)) return { on: onContract ? "contract" : "person", path, type: customTypes.get(field) };
  return undefined;
}

export const OPERATORS_BY_TYPE: Readonly<Record<ConditionFieldType, readonly string[]>> = {
  text: TEXT_OPERATORS,
  number: NUMBER_OPERATORS,
  date: DATE_OPERATORS,
  boolean: BOOLEAN_OPERATORS,
};

/** Every field a condition can name, with its type (for the portal's editor). */
export function conditionFieldCatalogue(): { field: string; type: ConditionFieldType }[] {
  return [
    ...[...personTypes].map(([path, type]) => ({ field: path, type })),
    ...[...contractTypes].map(([path, type]) => ({ field: CONTRACT_FIELD_PREFIX + path, type })),
  ];
}
