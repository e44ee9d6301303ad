import { describe, expect, it } from "vitest";
import { createMappingProgram } from "../src/index.ts";

// A generous time limit: on a busy machine, allocating before the crash can take over a second.
const TENANT = { tenantId: "tenant-a", timeoutMs: 20_000 };

// Allocating this at once makes V8 abort the whole process (no isolate limit catches it).
const CRASH = "Array.from({ length: 2 ** 28 }, () => 0).length";

describe("mapping programs in the sandbox process", () => {
  it("fail only the input whose script brings the sandbox process down, and go on with the others", async () => {
    const program = await createMappingProgram([
      { field: "Id", script: "source.Id" },
      { field: "Size", script: `if (source.Crash) return ${CRASH};\nreturn source.Id * 2;` },
    ], TENANT);
    const inputs = Array.from({ length: 12 }, (_, index) => ({ source: { Id: index, Crash: index === 4 } }));

    const results = await program.run(inputs);

    // Only the field whose script did it fails; the input's other fields are mapped.
    expect(results[4]).toEqual({
      Id: { ok: true, value: 4 },
      Size: { ok: false, kind: "memory", message: expect.stringContaining("stopped its sandbox process") },
    });
    for (const [index, result] of results.entries()) {
      if (index !== 4) expect(result).toEqual({ Id: { ok: true, value: index }, Size: { ok: true, value: index * 2 } });
    }
    // A new sandbox process serves later runs.
    expect(await program.run([{ source: { Id: 50 } }])).toEqual([{ Id: { ok: true, value: 50 }, Size: { ok: true, value: 100 } }]);
    program.dispose();
  });

  it("keep other programs working when one program's script brings the process down", async () => {
    const bystander = await createMappingProgram([{ field: "Name", script: "source.Name.toUpperCase()" }], TENANT);
    const hostile = await createMappingProgram([{ field: "X", script: CRASH }], TENANT);
    const [hostileResults, bystanderResults] = await Promise.all([
      hostile.run([{ source: {} }]),
      bystander.run(Array.from({ length: 200 }, (_, index) => ({ source: { Name: `p${index}` } }))),
    ]);
    expect(hostileResults[0]!.X).toMatchObject({ ok: false, kind: "memory" });
    expect(bystanderResults.map((result) => result.Name)).toEqual(Array.from({ length: 200 }, (_, index) => ({ ok: true, value: `P${index}` })));
    hostile.dispose();
    bystander.dispose();
  });

  it("stop running scripts that keep bringing the process down", async () => {
    const program = await createMappingProgram([{ field: "X", script: `if (source.Crash) return ${CRASH};\nreturn 1;` }], TENANT);
    const results = await program.run(Array.from({ length: 6 }, (_, index) => ({ source: { Crash: index < 5 } })));
    expect(results.slice(0, 3).map((result) => result.X)).toEqual(Array.from({ length: 3 }, () => expect.objectContaining({ kind: "memory", message: expect.stringContaining("stopped its sandbox process") })));
    // After three crashes the rest is not run, including the harmless last input.
    expect(results.slice(3).map((result) => result.X)).toEqual(Array.from({ length: 3 }, () => expect.objectContaining({ kind: "memory", message: expect.stringContaining("Not run") })));
    program.dispose();
  });
});
