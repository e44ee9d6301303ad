import type { TransactionClient } from "@idlife/db";

/**
 * Every person's value of one field, as value -> persons, for matching target accounts to persons
 * (inventory). The field is a person path (Name.GivenName, Custom.X) or PrimaryContract.<path>;
 * read in SQL so that only the one value per person leaves the database.
 */
export async function personFieldValues(tx: TransactionClient, tenantId: string, field: string): Promise<Map<string, { id: string; name: string }[]>> {
  const contract = field.startsWith("PrimaryContract.");
  const path = (contract ? field.slice("PrimaryContract.".length) : field).split(".");
  const rows = contract
    ? await tx.$queryRaw<{ id: string; name: string; value: string | null }[]>`
        SELECT p.id::text AS id, p.display_name AS name,
          (SELECT c #>> ${path}::text[] FROM jsonb_array_elements(COALESCE(p.data->'Contracts', '[]'::jsonb)) c
            WHERE c->>'ExternalId' = p.data->'PrimaryContract'->>'ExternalId' LIMIT 1) AS value
        FROM persons p WHERE p.tenant_id = ${tenantId}::uuid`
    : await tx.$queryRaw<{ id: string; name: string; value: string | null }[]>`
        SELECT p.id::text AS id, p.display_name AS name, p.data #>> ${path}::text[] AS value
        FROM persons p WHERE p.tenant_id = ${tenantId}::uuid`;
  const byValue = new Map<string, { id: string; name: string }[]>();
  for (const row of rows) {
    if (row.value === null || row.value === "") continue;
    const list = byValue.get(row.value) ?? [];
    list.push({ id: row.id, name: row.name });
    byValue.set(row.value, list);
  }
  return byValue;
}
