import type { z } from "zod";
import type { TransactionClient } from "@idlife/db";
import type { personExportQuerySchema, personListQuerySchema } from "@idlife/contracts";
import { badRequest } from "../../common/http/api-error.ts";
import { afterCursor, decodePersonCursor, encodePersonCursor } from "./person-cursor.ts";

/** The list's filters (the CSV export takes the same). */
export function listWhere(tenantId: string, query: Omit<z.infer<typeof personExportQuerySchema>, "separator">) {
  return {
    tenantId,
    ...(query.status ? { status: query.status } : {}),
    ...(query.excluded !== undefined ? { excluded: query.excluded } : {}),
    ...(query.sourceSystemId ? { sourceSystemIds: { has: query.sourceSystemId } } : {}),
    ...(query.departmentId ? { departmentId: query.departmentId } : {}),
    // A substring of name, ids and email addresses: LIKE '%term%', answered by the trigram index
    // on search_text (persons_search_text_idx) rather than by reading every person.
    ...(query.search ? { searchText: { contains: query.search.toLowerCase() } } : {}),
  };
}

/**
 * One page of a tenant's persons by display name, then id: after `cursor` (keyset, walks the
 * (tenant_id, display_name, id) index) or, for older clients, after `offset` rows.
 */
export async function listPersons(tx: TransactionClient, tenantId: string, query: z.infer<typeof personListQuerySchema>) {
  if (query.cursor !== undefined && query.offset > 0) throw badRequest("invalid_paging", "Page with either cursor or offset, not both.");
  const cursor = query.cursor === undefined ? undefined : decodePersonCursor(query.cursor);
  const where = listWhere(tenantId, query);
  // One row more than asked tells whether there is a next page.
  const [total, rows] = await Promise.all([
    tx.person.count({ where }),
    tx.person.findMany({
      where: cursor ? { AND: [where, afterCursor(cursor)] } : where,
      orderBy: [{ displayName: "asc" }, { id: "asc" }],
      ...(cursor ? {} : { skip: query.offset }),
      take: query.limit + 1,
    }),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { total, rows: page, nextCursor: rows.length > query.limit && last ? encodePersonCursor(last) : null };
}
