import { readFileSync } from "node:fs";
import { asTenantId, withTenant, type Prisma } from "@idlife/db";
import type { JobProducer } from "@idlife/jobs";

const examples = new URL("../../../examples/", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, examples));
const json = (path: string) => JSON.parse(read(path).toString("utf8")) as object;

const sources = [
  {
    name: "HR (Visma Raet export)",
    settings: "sources/hr-visma-raet.csv-settings.json",
    mapping: "mappings/hr-visma-raet.json",
    files: { persons: "hr/employees.csv", contracts: "hr/contracts.csv", departments: "hr/departments.csv" },
  },
  {
    name: "Students (Somtoday export)",
    settings: "sources/students.csv-settings.json",
    mapping: "mappings/students.json",
    files: { persons: "students/students.csv" },
  },
];

/**
 * Gives the demo tenant the example organisation: two CSV source systems with their files
 * uploaded and an import queued for each (the worker runs them when it starts).
 */
export async function seedDemoSources(prisma: Prisma, tenantId: string, producer: JobProducer) {
  const tenant = asTenantId(tenantId);
  const queued: string[] = [];
  for (const source of sources) {
    const importId = await withTenant(prisma, tenant, async (tx) => {
      if (await tx.sourceSystem.findFirst({ where: { tenantId, name: source.name } })) return undefined;
      const created = await tx.sourceSystem.create({
        data: { tenantId, name: source.name, connectorType: "csv", settings: json(source.settings), mapping: json(source.mapping) },
      });
      const uploadIds: string[] = [];
      for (const [role, file] of Object.entries(source.files)) {
        const content = read(file);
        const upload = await tx.sourceUpload.create({
          data: { tenantId, sourceSystemId: created.id, role, fileName: file.split("/").pop()!, sizeBytes: content.length, content: new Uint8Array(content) },
        });
        uploadIds.push(upload.id);
      }
      const run = await tx.import.create({ data: { tenantId, sourceSystemId: created.id, trigger: "seed", requestedBy: "demo seed", uploadIds } });
      return run.id;
    });
    if (importId) {
      await producer.enqueue("import.run", { tenantId, importId }, { jobId: `import-${importId}` });
      queued.push(source.name);
    }
  }
  return queued;
}
