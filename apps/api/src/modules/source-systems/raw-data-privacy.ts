import { currentContext, PrismaNamespace, type TransactionClient } from "@idlife/db";
import { hideRawValues, personalSourceFields, redactPersonalContact, type PathSegment, type PersonalSourceFields } from "@idlife/core";

export const HIDDEN = "[hidden]";

/**
 * What raw data hides from this caller: the source fields the source's mapping turns into
 * personal contact data, unless the caller may see it (the "personal" permission, as for the
 * person itself). Nothing is hidden from those who may.
 */
export function rawDataPrivacy(mapping: unknown): PersonalSourceFields {
  if (currentContext().allows?.("personal")) return { paths: [], unknown: [] };
  return personalSourceFields(mapping);
}

/** A raw person as this caller may see it; departments hold no personal contact data. */
export function visibleRawData(data: unknown, kind: string, privacy: PersonalSourceFields): unknown {
  return kind === "person" ? hideRawValues(data, privacy.paths, HIDDEN) : data;
}

/** Why a person was blocked, without a personal contact value quoted in it (expected text, got "06…"). */
export function visibleBlockedReason(reason: string): string {
  return reasonFor(reason, currentContext().allows?.("personal") === true);
}

function reasonFor(reason: string, personal: boolean): string {
  if (personal) return reason;
  return reason.replace(/^(Contact\.Personal[^:]*): .*$/s, "$1: not valid (the details are personal contact data, which your role does not show)");
}

/**
 * A mapping preview as this caller may see it: the raw record with what the saved or the tried
 * mapping turns into personal contact data hidden (leaving a field out of a tried mapping must
 * not uncover it), the mapped person without Contact.Personal, and blocked reasons without
 * quoted personal values. Unchanged for callers with the "personal" permission.
 */
export function previewPrivacy(savedMapping: unknown, triedMapping: unknown) {
  const personal = currentContext().allows?.("personal") === true;
  const hidden = { paths: [...rawDataPrivacy(savedMapping).paths, ...rawDataPrivacy(triedMapping).paths], unknown: [] };
  return {
    raw: (record: unknown) => visibleRawData(record, "person", hidden),
    person: (person: Record<string, unknown>) => (personal ? person : (redactPersonalContact(person as never) as Record<string, unknown>)),
    reasons: (reasons: readonly string[]) => reasons.map((reason) => reasonFor(reason, personal)),
  };
}

export const describePath = (path: readonly PathSegment[]) => path.map(String).join(".");

interface VisibleSearch {
  tenantId: string;
  sourceSystemId: string;
  seq: bigint;
  kind: string;
  search: string;
  paths: readonly (readonly PathSegment[])[];
  offset: number;
  limit: number;
}

/**
 * Searches raw records of one import as if the hidden values were not there, so a search for
 * someone's private email finds nothing (its absence or presence would tell the value).
 */
export async function searchVisibleRawRecords(tx: TransactionClient, query: VisibleSearch): Promise<{ total: number; ids: bigint[] }> {
  const needle = query.search.toLowerCase();
  const visibleData = query.paths.reduce((expression, path) => PrismaNamespace.sql`(${expression} #- ${path.map(String)}::text[])`, PrismaNamespace.sql`data`);
  const where = PrismaNamespace.sql`
    tenant_id = ${query.tenantId}::uuid AND source_system_id = ${query.sourceSystemId}::uuid AND kind = ${query.kind}
    AND valid_from <= ${query.seq} AND (valid_to IS NULL OR valid_to > ${query.seq})
    AND strpos(search_text, ${needle}) > 0
    AND EXISTS (
      SELECT 1 FROM jsonb_path_query(${visibleData}, 'lax $.**') AS found(value)
      WHERE jsonb_typeof(found.value) IN ('string', 'number', 'boolean') AND strpos(lower(found.value #>> '{}'), ${needle}) > 0
    )`;
  const [counted] = await tx.$queryRaw<Array<{ total: bigint }>>`SELECT count(*) AS total FROM raw_records WHERE ${where}`;
  const rows = await tx.$queryRaw<Array<{ id: bigint }>>`
    SELECT id FROM raw_records WHERE ${where} ORDER BY source_key ASC, id ASC OFFSET ${query.offset} LIMIT ${query.limit}`;
  return { total: Number(counted?.total ?? 0), ids: rows.map((row) => row.id) };
}
