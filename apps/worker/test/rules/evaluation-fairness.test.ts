// Evaluations share the worker fairly: one tenant's evaluations run one at a time (its share of
// the evaluate queue), so another tenant's never wait behind them, and a tenant cannot pile up
// evaluations started by hand.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createRedisConnection } from "@idlife/jobs";
import { TenantSlots } from "../../src/tenant-slots.ts";
import { useApiWithWorker, waitFor } from "../support.ts";

const stack = useApiWithWorker();
let redis: ReturnType<typeof createRedisConnection>;
beforeAll(() => {
  redis = createRedisConnection(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
});
afterAll(() => redis?.disconnect());

type Client = Awaited<ReturnType<typeof stack.api.createTenantWithMember>>["client"];
const statusOf = async (client: Client, id: string) => (await client.get(`/api/v1/evaluations/${id}`)).body.status as string;
const finished = (client: Client, id: string) =>
  waitFor(`evaluation ${id}`, async () => {
    const status = await statusOf(client, id);
    return ["completed", "failed"].includes(status) ? status : undefined;
  });

it("a tenant whose evaluation runs waits with its next ones while another tenant's run, and may not queue more than five by hand", async () => {
  const a = await stack.api.createTenantWithMember("owner");
  const b = await stack.api.createTenantWithMember("owner");

  // Tenant A's share of the evaluate queue (one) is taken, as by a long evaluation of A's elsewhere.
  const lease = await new TenantSlots(redis, stack.api.queuePrefix, 30_000).acquire("evaluate", a.tenantId, 1);
  expect(lease).toBeDefined();
  const waiting: string[] = [];
  try {
    // An evaluation a snapshot asked for, waiting too: automatic ones never count against the hand-started.
    await stack.api.ownerPrisma.evaluation.create({ data: { tenantId: a.tenantId, mode: "published", trigger: "snapshot", status: "queued", today: new Date("2026-12-05T00:00:00Z") } });
    for (let index = 0; index < 5; index++) {
      const started = await a.client.post("/api/v1/evaluations", { mode: "published" });
      expect(started.status, started.text).toBe(202);
      waiting.push(started.body.id);
    }
    // A sixth by hand is refused with a reason and a time to come back; nothing is added.
    const refused = await a.client.post("/api/v1/evaluations", { mode: "published" });
    expect(refused.status, refused.text).toBe(429);
    expect(refused.body.error.code).toBe("too_many_evaluations");
    expect(refused.headers.get("retry-after")).toBe("30");
    expect((await a.client.get("/api/v1/evaluations")).body).toHaveLength(6);

    // Tenant B's evaluation runs to the end meanwhile; A's all still wait.
    const other = await b.client.post("/api/v1/evaluations", { mode: "published" });
    expect(other.status, other.text).toBe(202);
    expect(await finished(b.client, other.body.id)).toBe("completed");
    for (const id of waiting) expect(await statusOf(a.client, id)).toBe("queued");
  } finally {
    await lease!.release();
  }

  // With its slot free again, every one of A's evaluations runs.
  for (const id of waiting) expect(await finished(a.client, id)).toBe("completed");
}, 120_000);
