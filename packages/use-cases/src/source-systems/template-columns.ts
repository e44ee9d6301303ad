import { parsePath, templatePlaceholders, type MappingDefinition } from "@idlife/core";
import { rawRecordsAt, type TransactionClient } from "@idlife/db";
import { badRequest } from "../use-case-error.ts";

/** Enough raw records to see every column of a CSV export (columns are the same on every row). */
const SAMPLE = 200;

interface Placeholder {
  at: string;
  tab: "person" | "contract";
  name: string;
  column: string;
}

function placeholdersOf(mapping: Pick<MappingDefinition, "person" | "contract">): Placeholder[] {
  const found: Placeholder[] = [];
  for (const tab of ["person", "contract"] as const) {
    for (const [field, rule] of Object.entries(mapping[tab])) {
      if (rule.type === "complex") continue;
      for (const [index, transform] of (rule.transforms ?? []).entries()) {
        if (transform.type !== "template") continue;
        for (const name of templatePlaceholders(transform.template)) {
          const [first] = parsePath(name);
          if (typeof first === "string") found.push({ at: `${tab}.${field}.transforms.${index}.template`, tab, name, column: first });
        }
      }
    }
  }
  return found;
}

/**
 * A template placeholder that names no column of the latest import would leave its place empty
 * for every person; refused at save time while the administrator still has the columns in view.
 * Without an import the columns are not known yet, and nothing is refused.
 */
export async function refuseUnknownTemplateColumns(tx: TransactionClient, tenantId: string, sourceSystemId: string, mapping: Pick<MappingDefinition, "person" | "contract">): Promise<void> {
  const placeholders = placeholdersOf(mapping);
  if (placeholders.length === 0) return;
  const latest = await tx.import.findFirst({ where: { tenantId, sourceSystemId, status: { in: ["completed", "blocked"] }, rawSeq: { not: null } }, orderBy: { createdAt: "desc" }, select: { rawSeq: true } });
  if (!latest?.rawSeq) return;
  const rows = await tx.rawRecord.findMany({ where: { ...rawRecordsAt(tenantId, sourceSystemId, latest.rawSeq), kind: "person" }, orderBy: { id: "asc" }, take: SAMPLE, select: { data: true } });
  if (rows.length === 0) return;
  const personColumns = new Set<string>();
  const contractColumns = new Set<string>();
  for (const { data } of rows) {
    const record = (data ?? {}) as Record<string, unknown>;
    for (const column of Object.keys(record)) personColumns.add(column);
    for (const contract of Array.isArray(record.Contracts) ? record.Contracts : []) {
      for (const column of Object.keys((contract ?? {}) as object)) contractColumns.add(column);
    }
  }
  for (const placeholder of placeholders) {
    // On the contract tab a template reads the contract first and then its person.
    const known = personColumns.has(placeholder.column) || (placeholder.tab === "contract" && contractColumns.has(placeholder.column));
    if (known) continue;
    const columns = [...(placeholder.tab === "contract" ? new Set([...contractColumns, ...personColumns]) : personColumns)].filter((column) => column !== "Contracts").sort();
    throw badRequest(
      "invalid_mapping",
      `The mapping is invalid at '${placeholder.at}': the placeholder {${placeholder.name}} names no column of the latest import; its columns are ${columns.join(", ")}.`,
    );
  }
}
