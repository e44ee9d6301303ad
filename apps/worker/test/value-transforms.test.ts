import { describe, expect, it } from "vitest";
import { importNow, uploadCsv, useFactories } from "@idlife/testing";

const ctx = useFactories({ worker: true, workerEnv: { FIXED_TODAY: "2026-11-22" } });

// A payroll export as Dutch HR systems write it: Windows-1252, semicolons, day-first dates with
// mixed separators, decimal-comma FTE and single-letter gender codes; one row per contract.
const csv = [
  "Id;Roepnaam;Achternaam;Geslacht;Geboren;Dienstverband;Begin;Fte",
  "1;Renée;Müller;V;3-11-1980;1;1-8-2019;0,8",
  "2;Jan;Conciërge;M;25.12.1975;1;01/02/2020;1,0",
  "2;Jan;Conciërge;M;25.12.1975;2;1-3-2021;0,2",
].join("\r\n");

const mapping = {
  person: {
    ExternalId: { type: "field", path: "Id" },
    "Name.NickName": { type: "field", path: "Roepnaam" },
    "Name.FamilyName": { type: "field", path: "Achternaam", transforms: [{ type: "case", to: "upper" }] },
    "Details.Gender": { type: "field", path: "Geslacht", transforms: [{ type: "lookup", entries: [["M", "Male"], ["V", "Female"]], unknown: "block" }] },
    "Details.BirthDate": { type: "field", path: "Geboren", transforms: [{ type: "date", format: "d-m-yyyy" }] },
  },
  contract: {
    ExternalId: { type: "field", path: "Dienstverband", transforms: [{ type: "template", template: "{Id}-{Dienstverband}", missing: "block" }] },
    StartDate: { type: "field", path: "Begin", transforms: [{ type: "date", format: "d-m-yyyy" }] },
    "Details.Fte": { type: "field", path: "Fte", transforms: [{ type: "decimal-comma" }] },
  },
};

/** The payroll source with the export uploaded, in a new tenant. */
async function payrollSource() {
  const tenant = await ctx.newTenant();
  const source = await ctx.newSourceSystem(tenant, {
    name: "Payroll",
    contractColumns: ["Dienstverband", "Begin", "Fte"],
    persons: { encoding: "windows-1252" },
    mapping,
    thresholds: null,
  });
  await uploadCsv(tenant.client, source.id, Buffer.from(csv, "latin1"));
  return { tenant, client: tenant.client, sourceId: source.id };
}

describe("field rules with built-in transforms", () => {
  it("imports a Windows-1252 semicolon export with day-first dates, decimal commas and gender codes without a script", async () => {
    const { tenant, client, sourceId } = await payrollSource();
    const run = await importNow(client, sourceId);
    expect(run.status, JSON.stringify(run)).toBe("completed");
    expect(run.counts).toMatchObject({ fetched: 2, mapped: 2, blocked: 0 });
    // Every Begin value reads both ways (1-8-2019: 1 August or 8 January?), so the import says so.
    expect(run.warnings).toEqual([expect.stringMatching(/^contract field StartDate \(source field Begin\): every sampled value, like "1-8-2019", reads as a date both day-first and month-first/)]);

    const renee = await ctx.personByExternalId(tenant, "1");
    expect(renee.data).toMatchObject({
      Name: { NickName: "Renée", FamilyName: "MÜLLER" },
      Details: { Gender: "Female", BirthDate: "1980-11-03" },
      Contracts: [{ ExternalId: "1-1", StartDate: "2019-08-01", Details: { Fte: 0.8 } }],
    });
    const jan = await ctx.personByExternalId(tenant, "2");
    expect(jan.data.Details).toMatchObject({ Gender: "Male", BirthDate: "1975-12-25" });
    expect(jan.data.Contracts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ExternalId: "2-1", StartDate: "2020-02-01", Details: expect.objectContaining({ Fte: 1 }) }),
        expect.objectContaining({ ExternalId: "2-2", StartDate: "2021-03-01", Details: expect.objectContaining({ Fte: 0.2 }) }),
      ]),
    );
  });

  it("refuses a template placeholder that names no column of the latest import when the mapping is saved", async () => {
    const { client, sourceId } = await payrollSource();
    expect((await importNow(client, sourceId)).status).toBe("completed");
    const withTemplate = (template: string) => ({ ...mapping, contract: { ...mapping.contract, ExternalId: { type: "field", path: "Dienstverband", transforms: [{ type: "template", template }] } } });
    const refused = await client.patch(`/api/v1/source-systems/${sourceId}`, { mapping: withTemplate("{Personeelsnummer}-{Dienstverband}") });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      code: "invalid_mapping",
      message: "The mapping is invalid at 'contract.ExternalId.transforms.0.template': the placeholder {Personeelsnummer} names no column of the latest import; its columns are Achternaam, Begin, Dienstverband, Fte, Geboren, Geslacht, Id, Roepnaam.",
    });
    expect((await client.get(`/api/v1/source-systems/${sourceId}`)).body.mapping).toEqual(expect.objectContaining({ contract: expect.objectContaining({ ExternalId: mapping.contract.ExternalId }) }));
    const accepted = await client.patch(`/api/v1/source-systems/${sourceId}`, { mapping: withTemplate("{Id}/{Dienstverband}") });
    expect(accepted.status, accepted.text).toBe(200);
  });

  it("refuses a transform with wrong options when the mapping is saved, and says what to fix", async () => {
    const { client } = await ctx.newTenant();
    const response = await client.post("/api/v1/source-systems", {
      name: "Payroll",
      connectorType: "csv",
      settings: { layout: "single", persons: { delimiter: ";", personKey: "Id" } },
      mapping: { person: { ...mapping.person, "Details.BirthDate": { type: "field", path: "Geboren", transforms: [{ type: "date", format: "dd/mm/yy" }] } }, contract: {} },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid_mapping");
    expect(response.body.error.message).toBe("The mapping is invalid at 'person.Details.BirthDate.transforms.0.format': format must be one of d-m-yyyy, dd-mm-yyyy, m-d-yyyy, mm-dd-yyyy, yyyymmdd, yyyy-mm-dd, excel-serial");
    expect((await client.get("/api/v1/source-systems")).body.items ?? []).toHaveLength(0);
  });
});
