import { z } from "zod";
import { IsoDateSchema } from "./iso-date.ts";
import { isForbiddenKey } from "./object-path.ts";

/*
 * The person model. Field names are HelloID's on purpose: administrators moving over know them,
 * and mappings, rule conditions and templates written for HelloID read the same here.
 * Everything below a person or contract is optional and nullable: sources deliver what they have,
 * and only the ExternalIds are needed to tell records apart.
 */

const text = z.string().nullish();
const number = z.number().nullish();
const date = IsoDateSchema.nullish();

export const NAME_CONVENTIONS = ["B", "P", "BP", "PB"] as const;
export type NameConvention = (typeof NAME_CONVENTIONS)[number];

/** Typed custom fields are declared per tenant; the model only fixes that values are scalars. */
export const CustomFieldsSchema = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean(), z.null()], {
    error: "a custom field holds text, a number, true, false or null",
  }),
);
export type CustomFields = z.output<typeof CustomFieldsSchema>;

/** Location, cost center, title, ...: HR systems identify them by id, code and name. */
export const ReferenceSchema = z.object({ ExternalId: text, Code: text, Name: text });
export type Reference = z.output<typeof ReferenceSchema>;

export const PersonNameSchema = z.object({
  Initials: text,
  GivenName: text,
  NickName: text,
  FamilyName: text,
  FamilyNamePrefix: text,
  FamilyNamePartner: text,
  FamilyNamePartnerPrefix: text,
  Convention: z.enum(NAME_CONVENTIONS).nullish(),
});
export type PersonName = z.output<typeof PersonNameSchema>;

const ContactDetailsSchema = z.object({
  Email: text,
  Phone: z.object({ Mobile: text, Fixed: text }).nullish(),
  Address: z
    .object({ Street: text, HouseNumber: text, PostalCode: text, Locality: text, Country: text })
    .nullish(),
});

export const ContractSchema = z.object({
  ExternalId: z.string().min(1),
  StartDate: date,
  // null or absent: open ended.
  EndDate: date,
  Type: z.object({ Code: text, Description: text }).nullish(),
  Details: z
    .object({ Fte: number, HoursPerWeek: number, Percentage: number, Sequence: number })
    .nullish(),
  Location: ReferenceSchema.nullish(),
  CostCenter: ReferenceSchema.nullish(),
  CostBearer: ReferenceSchema.nullish(),
  Employer: ReferenceSchema.nullish(),
  Team: ReferenceSchema.nullish(),
  Division: ReferenceSchema.nullish(),
  Organization: ReferenceSchema.nullish(),
  Title: ReferenceSchema.nullish(),
  Department: z.object({ ExternalId: text, DisplayName: text }).nullish(),
  Manager: z.object({ ExternalId: text }).nullish(),
  Custom: CustomFieldsSchema.nullish(),
});
export type Contract = z.output<typeof ContractSchema>;

export const PersonSchema = z.object({
  ExternalId: z.string().min(1),
  DisplayName: text,
  Username: text,
  Aggregation: text,
  Name: PersonNameSchema.nullish(),
  Details: z
    .object({
      Gender: text,
      HonorificPrefix: text,
      HonorificSuffix: text,
      BirthDate: date,
      BirthLocality: text,
      MaritalStatus: text,
    })
    .nullish(),
  Contact: z
    .object({ Business: ContactDetailsSchema.nullish(), Personal: ContactDetailsSchema.nullish() })
    .nullish(),
  Location: ReferenceSchema.nullish(),
  Excluded: z.boolean().nullish(),
  Custom: CustomFieldsSchema.nullish(),
  Contracts: z.array(ContractSchema).default([]),
});
/** A person as stored: Contracts is always present (possibly empty). */
export type Person = z.output<typeof PersonSchema>;
/** A person as a caller may hand it in: Contracts may be left out. */
export type PersonInput = z.input<typeof PersonSchema>;

export const DepartmentSchema = z.object({
  ExternalId: z.string().min(1),
  DisplayName: text,
  ManagerExternalId: text,
  ParentExternalId: text,
});
export type Department = z.output<typeof DepartmentSchema>;

/* ---- Field paths, derived from the schemas so the lists can never drift from the model ---- */

/** How a mapped value is checked and converted before it lands on the person. */
export type FieldKind = "text" | "number" | "boolean" | "date" | "convention";

export interface FieldSpec {
  readonly path: string;
  readonly kind: FieldKind;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let inner = schema;
  while (
    inner instanceof z.ZodOptional ||
    inner instanceof z.ZodNullable ||
    inner instanceof z.ZodDefault
  ) {
    inner = inner.unwrap() as z.ZodType;
  }
  return inner;
}

function kindOf(schema: z.ZodType, path: string): FieldKind {
  if (schema instanceof z.ZodISODate) return "date";
  if (schema instanceof z.ZodString) return "text";
  if (schema instanceof z.ZodNumber) return "number";
  if (schema instanceof z.ZodBoolean) return "boolean";
  if (schema instanceof z.ZodEnum) return "convention";
  throw new Error(`person model field ${path} has a type the mapping cannot fill`);
}

function leafFields(schema: z.ZodObject, prefix = ""): FieldSpec[] {
  const fields: FieldSpec[] = [];
  for (const [key, child] of Object.entries(schema.shape)) {
    const inner = unwrap(child as z.ZodType);
    const path = prefix + key;
    // Custom.* is declared per tenant and Contracts has its own tab: neither is a fixed leaf.
    if (inner instanceof z.ZodRecord || inner instanceof z.ZodArray) continue;
    if (inner instanceof z.ZodObject) fields.push(...leafFields(inner, `${path}.`));
    else fields.push({ path, kind: kindOf(inner, path) });
  }
  return fields;
}

/** Person tab fields in model order (the mapping editor shows them in this order). */
export const PERSON_FIELDS: readonly FieldSpec[] = leafFields(PersonSchema);
/** Contract tab fields in model order. */
export const CONTRACT_FIELDS: readonly FieldSpec[] = leafFields(ContractSchema);

export const MAPPABLE_PERSON_FIELD_PATHS: readonly string[] = PERSON_FIELDS.map((f) => f.path);
export const MAPPABLE_CONTRACT_FIELD_PATHS: readonly string[] = CONTRACT_FIELDS.map((f) => f.path);

const CUSTOM_FIELD_PATH = /^Custom\.[A-Za-z][A-Za-z0-9_]*$/;

/** Custom fields are named by the tenant, so they are matched by shape, not by list ("Custom.constructor" is no name). */
export function isCustomFieldPath(path: string): boolean {
  return CUSTOM_FIELD_PATH.test(path) && !isForbiddenKey(path.slice("Custom.".length));
}

const personKinds = new Map(PERSON_FIELDS.map((f) => [f.path, f.kind]));
const contractKinds = new Map(CONTRACT_FIELDS.map((f) => [f.path, f.kind]));

export function isMappablePersonFieldPath(path: string): boolean {
  return personKinds.has(path) || isCustomFieldPath(path);
}

export function isMappableContractFieldPath(path: string): boolean {
  return contractKinds.has(path) || isCustomFieldPath(path);
}

/** The kind of a mappable field; "custom" for Custom.*; undefined when the path is not mappable. */
export function fieldKind(tab: "person" | "contract", path: string): FieldKind | "custom" | undefined {
  const kind = (tab === "person" ? personKinds : contractKinds).get(path);
  if (kind) return kind;
  return isCustomFieldPath(path) ? "custom" : undefined;
}

/**
 * Personal contact data (home address, private phone and email) is stored, because onboarding
 * mails may need it before a business address exists, but lists and exports hide it unless the
 * caller's role allows it (GDPR data minimisation).
 */
export const PERSONAL_CONTACT_FIELD_PATHS: ReadonlySet<string> = new Set(
  MAPPABLE_PERSON_FIELD_PATHS.filter((path) => path.startsWith("Contact.Personal.")),
);

export function isPersonalContactFieldPath(path: string): boolean {
  return path === "Contact.Personal" || path.startsWith("Contact.Personal.");
}

/** The person without Contact.Personal, for lists and exports when the role does not allow it. */
export function redactPersonalContact<T extends Pick<PersonInput, "ExternalId" | "Contact">>(person: T): T {
  if (!person.Contact || !("Personal" in person.Contact)) return person;
  const { Personal: _hidden, ...contact } = person.Contact;
  return { ...person, Contact: contact };
}
