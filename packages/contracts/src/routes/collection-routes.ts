import { z } from "zod";
import { idParamsSchema } from "../common.ts";
import { route } from "./define-route.ts";

/**
 * The summaries of a collection's usual routes, and the bodies that create and change one of its
 * records; a collection leaves out the routes it does not have.
 */
export interface CollectionSpec {
  list?: string;
  get?: string;
  create?: readonly [summary: string, body: z.ZodType];
  update?: readonly [summary: string, body: z.ZodType];
  remove?: string;
}

type SummaryOf<Entry> = Entry extends readonly [infer Summary, z.ZodType] ? Summary : Entry;
type BodyOf<Entry> = Entry extends readonly [string, infer Body] ? Body : never;
type Routes<Path extends string, Item extends z.ZodType, Spec extends CollectionSpec> = {
  list: { method: "GET"; path: Path; summary: Spec["list"]; response: z.ZodArray<Item> };
  get: { method: "GET"; path: `${Path}/:id`; summary: Spec["get"]; params: typeof idParamsSchema; response: Item };
  create: { method: "POST"; path: Path; summary: SummaryOf<Spec["create"]>; body: BodyOf<Spec["create"]>; response: Item };
  update: { method: "PATCH"; path: `${Path}/:id`; summary: SummaryOf<Spec["update"]>; params: typeof idParamsSchema; body: BodyOf<Spec["update"]>; response: Item };
  remove: { method: "DELETE"; path: `${Path}/:id`; summary: Spec["remove"]; params: typeof idParamsSchema };
};

/**
 * A collection's usual routes: list its records, create one, and get, change or remove one by
 * `:id`; each answers with the record (remove with nothing).
 */
export function collectionRoutes<const Path extends string, Item extends z.ZodType, const Spec extends CollectionSpec>(
  path: Path,
  item: Item,
  spec: Spec,
): { [Name in keyof Spec & keyof Routes<Path, Item, Spec>]: Routes<Path, Item, Spec>[Name] } {
  const record = `${path}/:id`;
  const routes = {
    list: spec.list !== undefined && route.get(path, spec.list, { response: z.array(item) }),
    get: spec.get !== undefined && route.get(record, spec.get, { response: item }),
    create: spec.create && route.post(path, spec.create[0], { body: spec.create[1], response: item }),
    update: spec.update && route.patch(record, spec.update[0], { body: spec.update[1], response: item }),
    remove: spec.remove !== undefined && route.delete(record, spec.remove),
  };
  return Object.fromEntries(Object.entries(routes).filter(([, built]) => built)) as never;
}

/**
 * Source and target systems are connected alike: listed per tenant, read without their secrets,
 * then connected, changed and removed in each kind's own words.
 */
export function connectedSystemRoutes<const Kind extends "source" | "target", Item extends z.ZodType, const Spec extends Pick<CollectionSpec, "create" | "update" | "remove">>(
  kind: Kind,
  item: Item,
  spec: Spec,
) {
  const title = `${kind.charAt(0).toUpperCase()}${kind.slice(1)}` as Capitalize<Kind>;
  return collectionRoutes(`/${kind}-systems`, item, {
    list: `${title} systems of this tenant`,
    get: `One ${kind} system (secrets are never returned)`,
    ...spec,
  });
}
