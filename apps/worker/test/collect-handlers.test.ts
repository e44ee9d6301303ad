import { expect, it } from "vitest";
import { JOB_NAMES } from "@idlife/jobs";
import { collectHandlers } from "../src/index.ts";

const handler = { handle: async () => undefined };

it("refuses to start when a catalog job has no handler", () => {
  expect(() => collectHandlers([])).toThrow(/No handler for job\(s\): maintenance.cleanup-expired-auth/);
});

it("refuses to start when a job has two handlers", () => {
  const name = JOB_NAMES[0]!;
  expect(() => collectHandlers([{ name, handler }, { name, handler }])).toThrow(/two handlers/);
});

it("accepts exactly one handler per job", () => {
  expect(collectHandlers(JOB_NAMES.map((name) => ({ name, handler }))).size).toBe(JOB_NAMES.length);
});
