import { afterEach, describe, expect, it } from "vitest";
import { configureSandboxPool, createMappingProgram } from "../src/index.ts";
import { sandboxPool } from "../src/process/sandbox-pool.ts";

// Allocating this at once makes V8 abort the whole process (no isolate limit catches it).
const CRASH = "Array.from({ length: 2 ** 28 }, () => 0).length";
// Generous: on a busy machine, allocating before the crash can take over a second.
const LIMITS = { timeoutMs: 20_000 };

afterEach(() => configureSandboxPool({ maxProcesses: 4, idleMs: 60_000 }));

describe("mapping sandbox processes per tenant", () => {
  it("never block or disable one tenant's records because another tenant's script crashes V8", async () => {
    const hostile = await createMappingProgram([{ field: "X", script: `if (source.Crash) return ${CRASH};\nreturn 1;` }], { tenantId: "tenant-a", ...LIMITS });
    const bystander = await createMappingProgram(
      [{ field: "Name", script: "let sum = 0;\nfor (let i = 0; i < 1000000; i++) sum += i;\nreturn source.Name.toUpperCase();" }],
      { tenantId: "tenant-b", ...LIMITS },
    );
    const persons = Array.from({ length: 2_000 }, (_, index) => ({ source: { Name: `p${index}` } }));
    const expected = persons.map((_, index) => ({ Name: { ok: true, value: `P${index}` } }));

    // Tenant A crashes its sandbox process again and again while tenant B maps its persons.
    const [hostileResults, bystanderResults] = await Promise.all([
      hostile.run(Array.from({ length: 5 }, () => ({ source: { Crash: true } }))),
      bystander.run(persons),
    ]);

    expect(hostileResults.map((result) => result["X"])).toEqual(Array.from({ length: 5 }, () => expect.objectContaining({ ok: false, kind: "memory" })));
    expect(bystanderResults).toEqual(expected);
    // B's program has not been counted against: it still runs its scripts.
    expect(await bystander.run(persons.slice(0, 3))).toEqual(expected.slice(0, 3));
    hostile.dispose();
    bystander.dispose();
  });

  it("keep at most the configured number of processes; a tenant waits for another's to be free", async () => {
    configureSandboxPool({ maxProcesses: 1 });
    const first = await createMappingProgram([{ field: "Id", script: "source.Id" }], { tenantId: "tenant-c" });
    let secondReady = false;
    const second = createMappingProgram([{ field: "Id", script: "source.Id * 2" }], { tenantId: "tenant-d" }).then((program) => {
      secondReady = true;
      return program;
    });
    expect(await first.run([{ source: { Id: 1 } }])).toEqual([{ Id: { ok: true, value: 1 } }]);
    await new Promise((resolveWait) => setTimeout(resolveWait, 300));
    expect(secondReady).toBe(false);
    expect([...sandboxPool.processes().keys()]).toEqual(["tenant-c"]);

    first.dispose();
    const program = await second;
    expect(await program.run([{ source: { Id: 2 } }])).toEqual([{ Id: { ok: true, value: 4 } }]);
    expect([...sandboxPool.processes().keys()]).toEqual(["tenant-d"]);
    program.dispose();
  });

  it("end a tenant's process once it has been idle for a while", async () => {
    configureSandboxPool({ idleMs: 100 });
    const program = await createMappingProgram([{ field: "Id", script: "source.Id" }], { tenantId: "tenant-e" });
    const pid = sandboxPool.processes().get("tenant-e")?.pid;
    expect(pid).toBeTypeOf("number");
    program.dispose();
    await expect.poll(() => sandboxPool.processes().has("tenant-e"), { timeout: 5_000 }).toBe(false);
    await expect.poll(() => isAlive(pid!), { timeout: 5_000 }).toBe(false);
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
