import { Controller, Inject, Res } from "@nestjs/common";
import type { Response } from "express";
import type { Redis } from "ioredis";
import { z } from "zod";
import { currentContext, requireTenantId, type TransactionClient } from "@idlife/db";
import { idParamsSchema, personDetailSchema, personExportQuerySchema, personHistoryEntrySchema, personListQuerySchema, personPageSchema } from "@idlife/contracts";
import { notFound } from "../../common/http/api-error.ts";
import { rawDataPrivacy, visibleRawData } from "../source-systems/raw-data-privacy.ts";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidParams, ValidQuery } from "../../common/http/validated.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import { API_CONFIG, REDIS } from "../../infrastructure/tokens.ts";
import type { ApiConfig } from "../../config/api-config.ts";
import { sharedExportSlots, type ExportSlots } from "../../common/csv/export-slots.ts";
import { exportPersonsCsv } from "./persons-export.ts";
import { visibleHistoryValues } from "./person-history-privacy.ts";
import { contractManagersOf, withDepartmentNames } from "./person-names.ts";
import { listPersons, listWhere } from "./list-persons.ts";

const tags = ["Persons"];
const historyQuerySchema = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(200) });
const rawRecordSchema = z.object({ sourceSystemId: z.string(), sourceKey: z.string(), importId: z.string(), data: z.unknown() });

type PersonRow = {
  id: string;
  externalId: string;
  displayName: string;
  status: string;
  excluded: boolean;
  primaryContractId: string | null;
  departmentId: string | null;
  sourceSystemIds: string[];
  pendingMerge: boolean;
};

const toSummary = (row: PersonRow) => ({
  id: row.id,
  externalId: row.externalId,
  displayName: row.displayName,
  status: row.status as "active" | "future" | "former",
  excluded: row.excluded,
  primaryContractId: row.primaryContractId,
  departmentId: row.departmentId,
  sourceSystemIds: row.sourceSystemIds,
  pendingMerge: row.pendingMerge,
});

/** Personal contact data (private email, phone, address) only for callers allowed to see it. */
function withoutPersonalData(data: Record<string, unknown>): Record<string, unknown> {
  if (currentContext().allows?.("personal")) return data;
  const contact = data.Contact as Record<string, unknown> | undefined;
  if (!contact || !("Personal" in contact)) return data;
  const { Personal: _hidden, ...rest } = contact;
  return { ...data, Contact: rest };
}

async function findPerson(tx: TransactionClient, id: string) {
  const person = await tx.person.findFirst({ where: { id, tenantId: requireTenantId() } });
  if (!person) throw notFound("Person");
  return person;
}

@Controller("persons")
export class PersonsController {
  private readonly exportSlots: ExportSlots;

  constructor(
    @Inject(TenantDatabase) private readonly db: TenantDatabase,
    @Inject(REDIS) redis: Redis,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {
    this.exportSlots = sharedExportSlots(redis, config);
  }

  @Endpoint({ method: "GET", path: "", access: tenantAccess("read"), summary: "Persons: search (name, email, id), filter and page", tags, query: personListQuerySchema, response: personPageSchema })
  list(@ValidQuery() query: z.infer<typeof personListQuerySchema>) {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) => {
      const { total, rows, nextCursor } = await listPersons(tx, tenantId, query);
      return { total, items: await withDepartmentNames(tx, tenantId, rows.map(toSummary)), nextCursor };
    });
  }

  @Endpoint({
    method: "GET",
    path: "export.csv",
    access: tenantAccess("read"),
    summary: "Persons as CSV, streamed (same filters as the list; separator=; for Excel in Dutch and other locales); personal contact data only for roles that may see it. A few exports per tenant at a time (429 export_busy beyond).",
    tags,
    query: personExportQuerySchema,
  })
  async export(@ValidQuery() query: z.infer<typeof personExportQuerySchema>, @Res() response: Response) {
    const tenantId = requireTenantId();
    const { separator, ...filters } = query;
    await exportPersonsCsv(
      { db: this.db, slots: this.exportSlots, batchSize: this.config.PERSONS_EXPORT_BATCH_SIZE },
      { tenantId, where: listWhere(tenantId, filters), separator, visible: (person) => ({ ...person, data: withoutPersonalData(person.data) }) },
      response,
    );
  }

  @Endpoint({ method: "GET", path: ":id", access: tenantAccess("read"), summary: "One person with contracts and derived values", tags, params: idParamsSchema, response: personDetailSchema })
  get(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    return this.db.run(async (tx) => {
      const person = await findPerson(tx, params.id);
      const [summary] = await withDepartmentNames(tx, person.tenantId, [toSummary(person)]);
      return {
        ...summary!,
        data: withoutPersonalData(person.data as Record<string, unknown>),
        managerPersonId: person.managerPersonId,
        contractManagers: await contractManagersOf(tx, person.tenantId, person.data),
        createdAt: person.createdAt.toISOString(),
        updatedAt: person.updatedAt.toISOString(),
        // A date column: Prisma reads it as midnight UTC.
        formerSince: person.formerSince?.toISOString().slice(0, 10) ?? null,
        noLongerDeliveredSince: person.noLongerDeliveredSince?.toISOString() ?? null,
      };
    });
  }

  @Endpoint({ method: "GET", path: ":id/history", access: tenantAccess("read"), summary: "Field-level history of a person, newest first", tags, params: idParamsSchema, query: historyQuerySchema, response: z.array(personHistoryEntrySchema) })
  history(@ValidParams() params: z.infer<typeof idParamsSchema>, @ValidQuery() query: z.infer<typeof historyQuerySchema>) {
    return this.db.run(async (tx) => {
      const person = await findPerson(tx, params.id);
      const rows = await tx.personHistory.findMany({ where: { tenantId: person.tenantId, personId: person.id }, orderBy: { id: "desc" }, take: query.limit });
      const personal = currentContext().allows?.("personal");
      return rows.map((row) => ({
        id: row.id.toString(),
        field: row.field,
        kind: row.kind,
        ...(personal ? { oldValue: row.oldValue, newValue: row.newValue } : visibleHistoryValues(row.field, row)),
        cause: row.cause,
        importId: row.importId,
        at: row.at.toISOString(),
      }));
    });
  }

  @Endpoint({ method: "GET", path: ":id/raw", access: tenantAccess("read"), summary: "The raw records this person was mapped from (latest import of each source); source fields that become personal contact data show as [hidden] unless the caller may see them", tags, params: idParamsSchema, response: z.array(rawRecordSchema) })
  raw(@ValidParams() params: z.infer<typeof idParamsSchema>) {
    return this.db.run(async (tx) => {
      const person = await findPerson(tx, params.id);
      const sources = await tx.personSource.findMany({ where: { tenantId: person.tenantId, personId: person.id } });
      const mappings = await tx.sourceSystem.findMany({ where: { tenantId: person.tenantId, id: { in: sources.map((source) => source.sourceSystemId) } }, select: { id: true, mapping: true } });
      const records = [];
      for (const source of sources) {
        const latest = await tx.rawRecord.findFirst({
          where: { tenantId: person.tenantId, sourceSystemId: source.sourceSystemId, sourceKey: source.externalId, kind: "person" },
          orderBy: { id: "desc" },
        });
        if (!latest) continue;
        const privacy = rawDataPrivacy(mappings.find((entry) => entry.id === source.sourceSystemId)?.mapping);
        records.push({ sourceSystemId: source.sourceSystemId, sourceKey: latest.sourceKey, importId: latest.importId, data: visibleRawData(latest.data, latest.kind, privacy) });
      }
      return records;
    });
  }
}
