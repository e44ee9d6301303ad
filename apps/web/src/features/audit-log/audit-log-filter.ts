import { auditFilterSchema, serializeQuery, type AuditFilter } from "@idlife/contracts";

export const auditFilterFields = ["action", "actorType", "actorId", "targetType", "targetId", "from", "to"] as const;
type FilterField = (typeof auditFilterFields)[number];
const shape = auditFilterSchema.shape;

/**
 * Reads the audit log's filter from the address bar (so a filtered log can be shared). Each value
 * is checked with the API's own schema; one it would refuse is left out rather than breaking the page.
 */
export function readAuditFilter(params: URLSearchParams): AuditFilter {
  const filter: AuditFilter = {};
  for (const field of auditFilterFields) {
    const value = params.get(field)?.trim();
    if (value && shape[field].safeParse(value).success) Object.assign(filter, { [field]: value });
  }
  // A range the API would refuse (from after to) keeps only its start.
  if (filter.from && filter.to && new Date(filter.from) > new Date(filter.to)) delete filter.to;
  return filter;
}

/** The query string of the filter, for the address bar, the list and the CSV export alike. */
export function auditFilterQuery(filter: AuditFilter): AuditFilter {
  const query: AuditFilter = {};
  for (const field of auditFilterFields) {
    const value = filter[field as FilterField];
    if (value) Object.assign(query, { [field]: value });
  }
  return query;
}

export function auditFilterSearch(filter: AuditFilter): URLSearchParams {
  return new URLSearchParams(serializeQuery(auditFilterQuery(filter)));
}

export const hasAuditFilter = (filter: AuditFilter) => auditFilterFields.some((field) => Boolean(filter[field]));

/** `<input type="datetime-local">` speaks local time without a zone; the API speaks ISO instants. */
export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function isoToLocalInput(iso: string | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}
