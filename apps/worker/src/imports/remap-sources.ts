import { withTenant, type Prisma, type TenantId } from "@idlife/db";
import { mapRawPersons, mappingFingerprint } from "@idlife/connectors";
import { loadRawData } from "./raw-data.ts";
import { writeDepartments, writeSourceRecords } from "./write-source-records.ts";

/**
 * A configuration change (mapping) re-maps every source from the raw data of its latest applied
 * import, without fetching again. Persons the new mapping blocks keep their last good data.
 */
export async function remapSources(prisma: Prisma, tenantId: TenantId, today: string) {
  const sources = await withTenant(prisma, tenantId, (tx) => tx.sourceSystem.findMany({ where: { tenantId } }));
  for (const source of sources) {
    const latest = await withTenant(prisma, tenantId, (tx) =>
      tx.import.findFirst({ where: { tenantId, sourceSystemId: source.id, status: "completed", rawSeq: { not: null } }, orderBy: { createdAt: "desc" } }),
    );
    if (!latest) continue;
    const data = await loadRawData(prisma, tenantId, latest.id);
    const mapped = await mapRawPersons(source.mapping, data.persons, () => {}, { tenantId });
    const records = mapped.map((record, index) => ({ ...record, rawHash: data.persons[index]!.hash }));
    await writeSourceRecords(prisma, tenantId, source.id, records, [], mappingFingerprint(source.mapping, today));
    await writeDepartments(prisma, tenantId, source.id, data.departments, source.mapping);
  }
}
