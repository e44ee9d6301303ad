import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMappingProgram, type FieldResult, type MappingProgram } from "../src/index.ts";

const TENANT = { tenantId: "tenant-a" };

/** Runs one-off scripts against one source in a program of their own. */
async function runScripts(scripts: Record<string, string>, source: unknown = {}): Promise<Record<string, FieldResult>> {
  const program = await createMappingProgram(Object.entries(scripts).map(([field, script]) => ({ field, script })), TENANT);
  try {
    const [result] = await program.run([{ source }]);
    return result!;
  } finally {
    program.dispose();
  }
}

describe("no host access", () => {
  it("has no Node or host globals", async () => {
    const names = ["require", "process", "fetch", "setTimeout", "setInterval", "Buffer", "module", "global", "WebAssembly", "SharedArrayBuffer", "Atomics"];
    const results = await runScripts(Object.fromEntries(names.map((name) => [name, `typeof ${name}`])));
    for (const name of names) expect(results[name], name).toEqual({ ok: true, value: "undefined" });
  });

  it("cannot climb from any object to the host's process through constructors", async () => {
    (globalThis as Record<string, unknown>)["hostMarker"] = "host";
    const results = await runScripts({
      // Scripts run in strict mode: `this` is undefined, not the global object.
      thisConstructor: 'return this.constructor.constructor("return process")();',
      sourceConstructor: 'return source.constructor.constructor("return process")();',
      indirectGlobal: 'Function("return this")().constructor.constructor("return typeof process")()',
      functionGlobal: 'Function("return this")().hostMarker ?? "absent"',
      errorConstructor: 'new Error().constructor.constructor("return globalThis.process?.pid ?? \'no process\'")()',
    });
    expect(results["thisConstructor"]).toMatchObject({ ok: false, kind: "runtime", message: expect.stringContaining("TypeError") });
    expect(results["sourceConstructor"]).toMatchObject({ ok: false, message: "ReferenceError: process is not defined" });
    expect(results["indirectGlobal"]).toEqual({ ok: true, value: "undefined" });
    expect(results["functionGlobal"]).toEqual({ ok: true, value: "absent" });
    expect(results["errorConstructor"]).toEqual({ ok: true, value: "no process" });
  });
});

describe("no state shared between inputs or fields", () => {
  let program: MappingProgram;

  beforeAll(async () => {
    program = await createMappingProgram([
      {
        field: "Mutates",
        script: "source.Name = 'changed';\nsource.Contracts.push({ Id: 'extra' });\ndelete source.Id;\nreturn source.Contracts.length;",
      },
      { field: "Reads", script: "`${source.Id}:${source.Name}:${source.Contracts.length}`" },
      { field: "Counter", script: "globalThis.count = (globalThis.count ?? 0) + 1;\nreturn globalThis.count;" },
      { field: "Pollutes", script: "Object.prototype.polluted = 'yes';\nreturn 1;" },
      { field: "ChangesBuiltins", script: "JSON.stringify = () => 'hijacked';\nreturn 1;" },
      { field: "SeesPollution", script: "({}).polluted ?? JSON.stringify({ clean: true })" },
      { field: "RegExpMemory", script: "const seen = RegExp.$1;\n/id-(\\d+)/.exec(source.Tag ?? '');\nreturn seen ?? 'nothing';" },
      { field: "Eval", script: "typeof eval" },
    ], TENANT);
  });
  afterAll(() => program.dispose());

  it("gives every call its own copy of the source", async () => {
    const source = { Id: "E1", Name: "Anna", Contracts: [{ Id: "C1" }] };
    const results = await program.run([{ source }, { source }]);
    for (const result of results) {
      expect(result["Mutates"]).toEqual({ ok: true, value: 2 });
      expect(result["Reads"]).toEqual({ ok: true, value: "E1:Anna:1" });
    }
    // The host's object is never touched either.
    expect(source).toEqual({ Id: "E1", Name: "Anna", Contracts: [{ Id: "C1" }] });
  });

  it("keeps the global object and built-ins frozen", async () => {
    const results = await program.run([{ source: { Tag: "id-41" } }, { source: { Tag: "id-42" } }]);
    expect(results.map((result) => result["RegExpMemory"])).toEqual([
      { ok: true, value: "nothing" },
      { ok: true, value: "nothing" },
    ]);
    for (const result of results) {
      expect(result["Counter"]).toMatchObject({ ok: false, kind: "runtime", message: expect.stringContaining("TypeError") });
      expect(result["Pollutes"]).toMatchObject({ ok: false, message: expect.stringContaining("not extensible") });
      expect(result["ChangesBuiltins"]).toMatchObject({ ok: false, message: expect.stringContaining("read only") });
      expect(result["SeesPollution"]).toEqual({ ok: true, value: '{"clean":true}' });
      expect(result["Eval"]).toEqual({ ok: true, value: "undefined" });
    }
  });
});
