import { expect, it } from "vitest";
import { createMappingProgram } from "../src/index.ts";

const TENANT = { tenantId: "tenant-a" };

const PERSONS = 100_000;

// Printed, not asserted: a figure to watch, not a flaky gate.
it(`maps ${PERSONS.toLocaleString("en")} persons with 3 scripted fields`, async () => {
  const inputs = Array.from({ length: PERSONS }, (_, index) => ({
    source: {
      EmployeeId: `E${index}`,
      FirstName: ` First${index} `,
      Prefix: index % 3 === 0 ? "van der" : "",
      LastName: `Last${index}`,
      BirthDate: "1985-03-14",
      Email: `first${index}@example.com`,
      Phone: "+31 6 12345678",
      Location: { Code: "AMS", Name: "Amsterdam" },
      Contracts: [
        { Id: `C${index}-1`, Fte: 0.5, StartDate: "2020-01-01", Department: { Code: "HR" } },
        { Id: `C${index}-2`, Fte: 0.8, StartDate: "2022-06-01", Department: { Code: "IT" } },
      ],
    },
  }));
  const program = await createMappingProgram([
    { field: "Name.GivenName", script: "source.FirstName.trim()" },
    { field: "Name.FamilyName", script: "[source.Prefix, source.LastName].filter(Boolean).join(' ')" },
    {
      field: "Custom.MainDepartment",
      script: "const [main] = [...source.Contracts].sort((a, b) => b.Fte - a.Fte);\nreturn main?.Department?.Code ?? null;",
    },
  ], TENANT);

  const startedAt = performance.now();
  const results = await program.run(inputs);
  const seconds = (performance.now() - startedAt) / 1000;
  program.dispose();

  console.log(
    `mapping throughput: ${PERSONS.toLocaleString("en")} persons x 3 fields in ${seconds.toFixed(2)} s = ` +
      `${Math.round(PERSONS / seconds).toLocaleString("en")} persons/s, ${Math.round((PERSONS * 3) / seconds).toLocaleString("en")} script calls/s`,
  );
  expect(results[PERSONS - 1]).toEqual({
    "Name.GivenName": { ok: true, value: `First${PERSONS - 1}` },
    "Name.FamilyName": { ok: true, value: `${(PERSONS - 1) % 3 === 0 ? "van der " : ""}Last${PERSONS - 1}` },
    "Custom.MainDepartment": { ok: true, value: "IT" },
  });
});
