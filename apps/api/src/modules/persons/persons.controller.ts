import { Controller, Inject, Res } from "@nestjs/common";
import type { Response } from "express";
import { z } from "zod";
import { currentContext, requireTenantId, type TransactionClient } from "@idlife/db";
import { idParamsSchema, personExportQuerySchema, personListQuerySchema, personRoutes } from "@idlife/contracts";
import { notFound } from "../../common/http/api-error.ts";
import { rawDataPrivacy, visibleRawData } from "../source-systems/raw-data-privacy.ts";
import { Endpoint, tenantAccess } from "../../common/http/endpoint.decorator.ts";
import { ValidParams, ValidQuery } from "../../common/http/validated.ts";
import { TenantDatabase } from "../../infrastructure/tenant-database.ts";
import { CsvExports } from "../../common/csv/csv-exports.ts";
import { exportPersonsCsv } from "./persons-export.ts";
import { visibleHistoryValues } from "./person-history-privacy.ts";
import { contractManagersOf, withDepartmentNames } from "./person-names.ts";
import { listPersons, listWhere } from "./list-persons.ts";

const historyQuerySchema = personRoutes.history.query;

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

@Controller()
export class PersonsController {
  constructor(
    @Inject(TenantDatabase) private readonly db: TenantDatabase,
    @Inject(CsvExports) private readonly exports: CsvExports,
  ) {}

  @Endpoint({ route: personRoutes.list, access: tenantAccess("read") })
  list(@ValidQuery() query: z.infer<typeof personListQuerySchema>) {
    const tenantId = requireTenantId();
    return this.db.run(async (tx) => {
      const { total, rows, nextCursor } = await listPersons(tx, tenantId, query);
      return { total, items: await withDepartmentNames(tx, tenantId, rows.map(toSummary)), nextCursor };
    });
  }

  @Endpoint({ route: personRoutes.export, access: tenantAccess("read") })
  async export(@ValidQuery() query: z.infer<typeof personExportQuerySchema>, @Res() response: Response) {
    const tenantId = requireTenantId();
    const { separator, ...filters } = query;
    await exportPersonsCsv(
      this.exports,
      { tenantId, where: listWhere(tenantId, filters), separator, visible: (person) => ({ ...person, data: withoutPersonalData(person.data) }) },
      response,
    );
  }

  @Endpoint({ route: personRoutes.get, access: tenantAccess("read") })
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

  @Endpoint({ route: personRoutes.history, access: tenantAccess("read") })
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

  @Endpoint({ route: personRoutes.raw, access: tenantAccess("read") })
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
