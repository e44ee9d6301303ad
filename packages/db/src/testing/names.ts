// Names of the databases a test run creates. Everything a run creates starts with
// `idlife_test_<pid>_<random>` (clones) or `idlife_test_tpl_<pid>_<random>` (the template), so the
// run's teardown, and later runs after a crash, can find them.
import { randomBytes } from "node:crypto";

export const TEST_DB_PREFIX = "idlife_test_";
export const TEMPLATE_PREFIX = `${TEST_DB_PREFIX}tpl_`;

export function randomSuffix(bytes = 4): string {
  return randomBytes(bytes).toString("hex");
}

export function newRunId(): string {
  return `${process.pid}_${randomSuffix()}`;
}

export function templateName(runId: string): string {
  return `${TEMPLATE_PREFIX}${runId}`;
}

export function clonePrefix(runId: string): string {
  return `${TEST_DB_PREFIX}${runId}_`;
}

/** The pid of the run that created a test database, or undefined for foreign names. */
export function ownerPid(name: string): number | undefined {
  const match = /^idlife_test_(?:tpl_)?(\d+)_[0-9a-f]+/.exec(name);
  return match ? Number(match[1]) : undefined;
}
