import { describe, expect, it } from "vitest";
import { createMappingProgram } from "../src/index.ts";

const TENANT = { tenantId: "tenant-a" };

const TIMEOUT_MS = 200;

describe("mapping limits", () => {
  it("stops an endless loop after the per-call limit and keeps mapping the other inputs", async () => {
    const program = await createMappingProgram(
      [
        { field: "Name", script: "source.Name" },
        { field: "Looping", script: "if (source.Loop) {\n  while (true) {}\n}\nreturn source.Name.length;" },
      ], { ...TENANT, timeoutMs: TIMEOUT_MS });
    const inputs = Array.from({ length: 300 }, (_, index) => ({ source: { Name: `P${index}`, Loop: index === 150 } }));

    const startedAt = performance.now();
    const results = await program.run(inputs);
    const elapsedMs = performance.now() - startedAt;
    program.dispose();

    expect(results[150]).toEqual({
      Name: { ok: true, value: "P150" },
      Looping: { ok: false, kind: "timeout", message: expect.stringContaining("limit of 200 ms") },
    });
    const others = results.filter((_, index) => index !== 150);
    expect(others.every((result) => result["Looping"]!.ok && result["Name"]!.ok)).toBe(true);
    expect(results[299]!["Looping"]).toEqual({ ok: true, value: 4 });
    // One limit plus the batch slack, not one limit per batch or a re-run.
    expect(elapsedMs).toBeLessThan(TIMEOUT_MS * 2);
  });

  it("gives a slow script its full limit even when its batch used up most of the time", async () => {
    // Every call takes ~8 ms, so a batch reaches the 200 ms mark while a call is still within its own limit.
    const program = await createMappingProgram(
      [{ field: "Slow", script: "const end = Date.now() + 8;\nwhile (Date.now() < end) {}\nreturn source.Id;" }], { ...TENANT, timeoutMs: TIMEOUT_MS });
    const results = await program.run(Array.from({ length: 60 }, (_, index) => ({ source: { Id: index } })));
    program.dispose();
    expect(results.map((result) => result["Slow"])).toEqual(
      Array.from({ length: 60 }, (_, index) => ({ ok: true, value: index })),
    );
  });

  it("disposes the isolate on the memory limit, reports that input and recreates the isolate", async () => {
    const program = await createMappingProgram(
      [
        { field: "Id", script: "source.Id" },
        {
          field: "Bomb",
          script: "if (source.Bomb) {\n  const a = [];\n  while (true) a.push(new Array(1e6).fill(1));\n}\nreturn 'fine';",
        },
      ], { ...TENANT, timeoutMs: 5_000, memoryLimitMb: 64 });
    const inputs = Array.from({ length: 20 }, (_, index) => ({ source: { Id: index, Bomb: index === 5 } }));

    const results = await program.run(inputs);

    expect(results[5]).toEqual({
      Id: { ok: true, value: 5 },
      Bomb: { ok: false, kind: "memory", message: expect.stringContaining("memory limit of 64 MB") },
    });
    for (const [index, result] of results.entries()) {
      if (index !== 5) expect(result).toEqual({ Id: { ok: true, value: index }, Bomb: { ok: true, value: "fine" } });
    }
    // The recreated isolate keeps serving later runs.
    const [later] = await program.run([{ source: { Id: 99 } }]);
    expect(later).toEqual({ Id: { ok: true, value: 99 }, Bomb: { ok: true, value: "fine" } });
    program.dispose();
  });

  it("stops running a script that keeps hitting its limit, so one loop cannot hold a whole import", async () => {
    const program = await createMappingProgram(
      [
        { field: "Id", script: "source.Id" },
        { field: "Loop", script: "while (true) {}" },
      ], { ...TENANT, timeoutMs: 100, maxLimitFailuresPerField: 2 });
    const startedAt = performance.now();
    const results = await program.run(Array.from({ length: 1_000 }, (_, index) => ({ source: { Id: index } })));
    const elapsedMs = performance.now() - startedAt;
    program.dispose();

    expect(results.filter((result) => result["Loop"]!.ok === false && result["Loop"]!.message.startsWith("The script ran longer"))).toHaveLength(2);
    expect(results[999]!["Loop"]).toEqual({
      ok: false,
      kind: "timeout",
      message: "Not run: this script already went over its time limit for 2 records; fix the script and run again",
    });
    expect(results.every((result, index) => result["Id"]!.ok && result["Id"]!.value === index)).toBe(true);
    expect(elapsedMs).toBeLessThan(1_000);
  });

  it("refuses to be used after dispose", async () => {
    const program = await createMappingProgram([{ field: "Id", script: "source.Id" }], TENANT);
    program.dispose();
    await expect(program.run([{ source: { Id: 1 } }])).rejects.toThrow("disposed");
  });
});
