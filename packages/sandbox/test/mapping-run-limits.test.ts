import { describe, expect, it } from "vitest";
import { createMappingProgram } from "../src/index.ts";

const TENANT = { tenantId: "tenant-run-limits" };

describe("a mapping run", () => {
  it("fails only the field that calls import(), with the reason, and maps everything else", async () => {
    const program = await createMappingProgram(
      [
        { field: "Id", script: "source.Id" },
        { field: "Module", script: "if (source.Import) return import('node:fs');\nreturn 'none';" },
      ],
      TENANT,
    );
    const results = await program.run(Array.from({ length: 5 }, (_, index) => ({ source: { Id: index, Import: index === 2 } })));
    program.dispose();

    expect(results[2]).toEqual({
      Id: { ok: true, value: 2 },
      Module: { ok: false, kind: "runtime", message: expect.stringContaining("uses import(), which mapping scripts cannot do") },
    });
    for (const index of [0, 1, 3, 4]) expect(results[index]).toEqual({ Id: { ok: true, value: index }, Module: { ok: true, value: "none" } });
  });

  it("stops at its overall deadline and reports what did not run", async () => {
    // Twelve endless loops for twenty records: without a deadline, minutes of timeouts.
    const fields = Array.from({ length: 12 }, (_, index) => ({ field: `Loop${index}`, script: "while (true) {}" }));
    const program = await createMappingProgram([{ field: "Id", script: "source.Id" }, ...fields], { ...TENANT, timeoutMs: 500 });
    const startedAt = Date.now();
    const results = await program.run(
      Array.from({ length: 20 }, (_, index) => ({ source: { Id: index } })),
      undefined,
      { deadline: Date.now() + 2_000 },
    );
    program.dispose();

    // A generous bound, far below the minute this would take without the deadline.
    expect(Date.now() - startedAt).toBeLessThan(20_000);
    const loopResults = results.flatMap((result) => fields.map((field) => result[field.field]));
    expect(loopResults.every((result) => result?.ok === false && result.kind === "timeout")).toBe(true);
    expect(loopResults).toContainEqual({ ok: false, kind: "timeout", message: expect.stringContaining("Not run: the time limit for the whole run") });
    expect(results[19]!["Loop11"]).toMatchObject({ message: expect.stringContaining("Not run: the time limit for the whole run") });
  });
});
