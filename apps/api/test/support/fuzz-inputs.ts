/**
 * Hostile inputs for the route fuzz test: keys that reach Object.prototype (as keys and as dot
 * paths), NUL characters in every string position, and JSON nested far deeper than any route takes.
 */

/** Values for an object-typed field that try to reach Object.prototype (parsed, so "__proto__" is an own key). */
export const pollutingObjects: unknown[] = [
  JSON.parse('{"__proto__": {"polluted": "1"}}'),
  { "__proto__.polluted": "1" },
  { constructor: { prototype: { polluted: "1" } } },
  { "constructor.prototype.polluted": "1" },
  { person: JSON.parse('{"__proto__": {"polluted": "1"}, "__proto__.polluted": {"type": "field", "path": "Id"}, "Custom.constructor": {"type": "field", "path": "Id"}}') },
  { ExternalId: { type: "field", path: "__proto__.polluted" } },
];

/** Every string leaf and every key of `value`, one at a time, with a NUL character in it. */
export function withNulInEachString(value: unknown): unknown[] {
  const variants: unknown[] = [];
  const visit = (node: unknown, replace: (next: unknown) => unknown) => {
    if (typeof node === "string") variants.push(replace(`${node}\u0000x`));
    else if (Array.isArray(node)) node.forEach((item, index) => visit(item, (next) => replace(node.map((other, at) => (at === index ? next : other)))));
    else if (node !== null && typeof node === "object") {
      for (const [key, child] of Object.entries(node)) {
        visit(child, (next) => replace({ ...node, [key]: next }));
        variants.push(replace({ ...node, [`${key}\u0000`]: child }));
      }
    }
  };
  visit(value, (next) => next);
  return variants;
}

/** JSON text `{"<field>": [[[...{"a": ...}...]]]}`, `depth` levels deep, alternating arrays and objects. */
export function deeplyNested(field: string, depth = 3000): string {
  let open = "";
  let close = "";
  for (let level = 0; level < depth; level += 1) {
    open += level % 2 === 0 ? "[" : '{"a":';
    close = (level % 2 === 0 ? "]" : "}") + close;
  }
  return `{${JSON.stringify(field)}:${open}1${close}}`;
}

/** Query strings that name prototype keys, carry NUL or odd values in each declared parameter. */
export function hostileQueries(parameters: readonly string[]): string[] {
  return [
    "__proto__[polluted]=1",
    "__proto__.polluted=1",
    "constructor[prototype][polluted]=1",
    "constructor.prototype.polluted=1",
    ...parameters.map((name) => `${encodeURIComponent(name)}=a%00b`),
    ...parameters.map((name) => `${encodeURIComponent(name)}=__proto__`),
    // Not hostile in themselves, but values a careless handler turns into a 500.
    ...parameters.flatMap((name) => ["", "-1", "1e309", "99999999999999999999999", "%FF", "a&" + name + "=b"].map((value) => `${encodeURIComponent(name)}=${value}`)),
  ];
}

/** Values for a path parameter: NUL, prototype names, dot paths, broken percent-encoding. */
export const hostilePathValues = ["%00", "a%00b", "__proto__", "constructor", "prototype", "__proto__.polluted", "constructor.prototype", "%FF", "%E0%A4%A", "..%2F..%2Fhealth"];
