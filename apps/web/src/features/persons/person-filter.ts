import { personListQuerySchema, serializeQuery } from "@idlife/contracts";
import type { z } from "zod";

type ListQueryInput = z.input<typeof personListQuerySchema>;

/** The persons list's filter as it sits in the address bar (so a filtered list can be shared). */
export type PersonFilter = Pick<ListQueryInput, "search" | "status" | "excluded" | "sourceSystemId" | "departmentId"> & {
  limit: number;
  offset: number;
};

export const PERSONS_PAGE_SIZE = 50;

const filterFields = ["search", "status", "excluded", "sourceSystemId", "departmentId"] as const;
const shape = personListQuerySchema.shape;

/**
 * Reads the filter from the address bar. Each value is checked with the API's own query schema;
 * one that it would refuse (a hand-edited `status=gone`) is left out rather than breaking the page.
 */
export function readPersonFilter(params: URLSearchParams): PersonFilter {
  const filter: PersonFilter = { limit: PERSONS_PAGE_SIZE, offset: 0 };
  for (const field of filterFields) {
    const value = params.get(field);
    if (value === null || value.trim() === "") continue;
    if (shape[field].safeParse(value).success) Object.assign(filter, { [field]: value });
  }
  const offset = shape.offset.safeParse(params.get("offset") ?? undefined);
  if (offset.success) filter.offset = offset.data;
  return filter;
}

/** The query string for the list (or, without paging, for the CSV export of the same selection). */
export function personListQuery(filter: PersonFilter, options: { paging?: boolean } = {}): ListQueryInput {
  const query: ListQueryInput = {};
  for (const field of filterFields) {
    const value = filter[field];
    if (value !== undefined && String(value).trim() !== "") Object.assign(query, { [field]: String(value).trim() });
  }
  if (options.paging ?? true) Object.assign(query, { limit: filter.limit, offset: filter.offset });
  return query;
}

export function personListSearch(filter: PersonFilter, options: { paging?: boolean } = {}): URLSearchParams {
  return new URLSearchParams(serializeQuery(personListQuery(filter, options)));
}

/** The address-bar form: defaults (first page) are left out so links stay short. */
export function personFilterToParams(filter: PersonFilter): URLSearchParams {
  const search = personListSearch(filter, { paging: false });
  if (filter.offset > 0) search.set("offset", String(filter.offset));
  return search;
}

export function hasActiveFilter(filter: PersonFilter): boolean {
  return filterFields.some((field) => filter[field] !== undefined && String(filter[field]).trim() !== "");
}
