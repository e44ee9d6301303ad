// Microsoft Graph's published v1.0 metadata (CSDL), read into the few facts the test server needs
// to refuse a body as Graph does: which properties each entity and complex type has (following
// BaseType), their Edm types and nullability, enum members, and bound actions' parameters.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { XMLParser } from "fast-xml-parser";

export interface GraphProperty {
  /** Qualified type: "Edm.String", "microsoft.graph.passwordProfile", "Collection(Edm.Guid)". */
  type: string;
  nullable: boolean;
}

export interface GraphStructuredType {
  kind: "entity" | "complex";
  name: string;
  baseType?: string;
  properties: Map<string, GraphProperty>;
  navigationProperties: Set<string>;
}

export interface GraphMetadata {
  structured: Map<string, GraphStructuredType>;
  enums: Map<string, Set<string>>;
  /** "microsoft.graph.user/assignLicense" -> its parameters without the binding parameter. */
  actions: Map<string, Map<string, GraphProperty>>;
}

const CSDL_PATH = fileURLToPath(new URL("../../../fixtures/msgraph/v1.0-Prod.csdl", import.meta.url));

interface CsdlProperty {
  Name: string;
  Type: string;
  Nullable?: string;
}
interface CsdlStructured {
  Name: string;
  BaseType?: string;
  Property?: CsdlProperty[];
  NavigationProperty?: { Name: string }[];
}
interface CsdlSchema {
  Namespace: string;
  Alias?: string;
  EntityType?: CsdlStructured[];
  ComplexType?: CsdlStructured[];
  EnumType?: { Name: string; Member?: { Name: string }[] }[];
  Action?: { Name: string; IsBound?: string; Parameter?: CsdlProperty[] }[];
}

const LISTS = new Set(["Schema", "EntityType", "ComplexType", "EnumType", "Property", "NavigationProperty", "Member", "Action", "Parameter"]);

/** "graph.user" -> "microsoft.graph.user"; "Collection(graph.x)" keeps its wrapper. */
function qualify(type: string, aliases: Map<string, string>): string {
  const collection = /^Collection\((.+)\)$/.exec(type);
  if (collection) return `Collection(${qualify(collection[1]!, aliases)})`;
  const dot = type.lastIndexOf(".");
  const namespace = type.slice(0, dot);
  return `${aliases.get(namespace) ?? namespace}.${type.slice(dot + 1)}`;
}

function propertiesOf(list: CsdlProperty[] | undefined, aliases: Map<string, string>): Map<string, GraphProperty> {
  return new Map((list ?? []).map((property) => [property.Name, { type: qualify(property.Type, aliases), nullable: property.Nullable !== "false" }]));
}

function parseMetadata(text: string): GraphMetadata {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => LISTS.has(name) });
  const schemas = parser.parse(text)["edmx:Edmx"]["edmx:DataServices"].Schema as CsdlSchema[];
  const aliases = new Map(schemas.filter((schema) => schema.Alias).map((schema) => [schema.Alias!, schema.Namespace]));
  const metadata: GraphMetadata = { structured: new Map(), enums: new Map(), actions: new Map() };
  for (const schema of schemas) {
    const add = (kind: GraphStructuredType["kind"], type: CsdlStructured) =>
      metadata.structured.set(`${schema.Namespace}.${type.Name}`, {
        kind,
        name: `${schema.Namespace}.${type.Name}`,
        baseType: type.BaseType ? qualify(type.BaseType, aliases) : undefined,
        properties: propertiesOf(type.Property, aliases),
        navigationProperties: new Set((type.NavigationProperty ?? []).map((navigation) => navigation.Name)),
      });
    for (const type of schema.EntityType ?? []) add("entity", type);
    for (const type of schema.ComplexType ?? []) add("complex", type);
    for (const type of schema.EnumType ?? []) metadata.enums.set(`${schema.Namespace}.${type.Name}`, new Set((type.Member ?? []).map((member) => member.Name)));
    for (const action of schema.Action ?? []) {
      if (action.IsBound !== "true" || !action.Parameter?.length) continue;
      const [binding, ...parameters] = action.Parameter;
      metadata.actions.set(`${qualify(binding!.Type, aliases)}/${action.Name}`, propertiesOf(parameters, aliases));
    }
  }
  return metadata;
}

let loaded: Promise<GraphMetadata> | undefined;

/** Parsed once per process (3 MB of XML, about a quarter of a second). */
export function loadGraphMetadata(): Promise<GraphMetadata> {
  loaded ??= readFile(CSDL_PATH, "utf8").then(parseMetadata);
  return loaded;
}

/** A property of the type or of one of its base types (user -> directoryObject -> entity). */
export function findProperty(metadata: GraphMetadata, typeName: string, property: string): GraphProperty | undefined {
  for (let type = metadata.structured.get(typeName); type; type = type.baseType ? metadata.structured.get(type.baseType) : undefined) {
    const found = type.properties.get(property);
    if (found) return found;
  }
  return undefined;
}

export function hasNavigationProperty(metadata: GraphMetadata, typeName: string, property: string): boolean {
  for (let type = metadata.structured.get(typeName); type; type = type.baseType ? metadata.structured.get(type.baseType) : undefined) {
    if (type.navigationProperties.has(property)) return true;
  }
  return false;
}

/** Whether `derived` is `base` or derives from it (an "@odata.type" in a body must). */
export function derivesFrom(metadata: GraphMetadata, derived: string, base: string): boolean {
  for (let type = metadata.structured.get(derived); type; type = type.baseType ? metadata.structured.get(type.baseType) : undefined) {
    if (type.name === base) return true;
  }
  return false;
}
