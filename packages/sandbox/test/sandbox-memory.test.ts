import { describe, expect, it } from "vitest";
import { createMappingProgram, runScriptConnector } from "../src/index.ts";
import { sandboxPool } from "../src/process/sandbox-pool.ts";
import type { ProcessUsage } from "../src/process/sandbox-protocol.ts";

const GB = 1024 ** 3;
// What a script could hold beyond its isolate's limit with a resizable buffer: a gigabyte, touched.
const RESIZE_ATTACK = "const buffer = new ArrayBuffer(8, { maxByteLength: 2 ** 31 });\nbuffer.resize(2 ** 30);\nnew Uint8Array(buffer).fill(1);\nreturn buffer.byteLength;";
// Every other way to memory outside the limit, each answered by what the script can see.
const PROBES = `
  const seen = {};
  const attempt = (name, action) => { try { seen[name] = action(); } catch (error) { seen[name] = error.name + ": " + error.message; } };
  attempt("resizable", () => new ArrayBuffer(8, { maxByteLength: 1024 }).byteLength);
  attempt("resizableSubclass", () => new (class extends ArrayBuffer {})(8, { maxByteLength: 1024 }).byteLength);
  attempt("viaBufferConstructor", () => new (new Uint8Array(1).buffer.constructor)(8, { maxByteLength: 1024 }).byteLength);
  attempt("resize", () => typeof ArrayBuffer.prototype.resize);
  attempt("transfer", () => typeof ArrayBuffer.prototype.transfer);
  attempt("fixedStillWorks", () => new ArrayBuffer(16).slice(4).byteLength + new Uint8Array(8).length);
  attempt("hugeTypedArray", () => new Float64Array(2 ** 28).length);
  attempt("hugeBuffer", () => new ArrayBuffer(2 ** 30).byteLength);
  attempt("growingCopies", () => { const kept = []; for (let i = 0; i < 64; i++) kept.push(new ArrayBuffer(2 ** 24).slice(0)); return kept.length; });
  attempt("globals", () => [typeof WebAssembly, typeof SharedArrayBuffer, typeof Atomics].join());
`;
const PROBED = {
  resizable: expect.stringContaining("Resizable ArrayBuffers (maxByteLength) are not available"),
  resizableSubclass: expect.stringContaining("Resizable ArrayBuffers"),
  viaBufferConstructor: expect.stringContaining("Resizable ArrayBuffers"),
  resize: "undefined",
  transfer: "undefined",
  fixedStillWorks: 20,
  hugeTypedArray: expect.stringContaining("RangeError"),
  hugeBuffer: expect.stringContaining("RangeError"),
  growingCopies: expect.stringContaining("RangeError"),
  globals: "undefined,undefined,undefined",
};

describe("memory outside an isolate's limit", () => {
  it("is out of reach for a mapping script: resizable buffers are refused and the process stays small", async () => {
    const program = await createMappingProgram(
      [
        { field: "Resize", script: RESIZE_ATTACK },
        { field: "Probes", script: `${PROBES}\nreturn seen;` },
      ],
      { tenantId: "tenant-memory", memoryLimitMb: 64, timeoutMs: 20_000 },
    );
    const [result] = await program.run([{ source: {} }]);
    const usage = await sandboxPool.processes().get("tenant-memory")!.request<ProcessUsage>({ kind: "usage" });
    program.dispose();

    expect(result!["Resize"]).toMatchObject({ ok: false, kind: "runtime", message: expect.stringContaining("Resizable ArrayBuffers") });
    expect(result!["Probes"]).toEqual({ ok: true, value: PROBED });
    expect(usage.peakRssBytes).toBeLessThan(GB / 2);
  });

  it("is out of reach for a script connector as well", async () => {
    const usages: ProcessUsage[] = [];
    const run = (body: string) =>
      runScriptConnector(`async function main() {\n${body}\n}`, { config: {}, http: { allowedHosts: [] }, memoryLimitMb: 256, onUsage: (usage) => usages.push(usage) });

    await expect(run(RESIZE_ATTACK)).rejects.toMatchObject({ kind: "runtime", message: expect.stringContaining("Resizable ArrayBuffers") });
    expect((await run(`${PROBES}\nreturn { persons: [seen] };`)).persons).toEqual([PROBED]);
    expect(usages).toHaveLength(2);
    for (const usage of usages) expect(usage.peakRssBytes).toBeLessThan(GB / 2);
  });
});
