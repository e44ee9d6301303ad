import { z } from "zod";
import { parseInput } from "../tenant-scope.ts";
import { UseCaseError } from "../use-case-error.ts";
import { withPlanSession, type TargetReadDeps } from "./target-plan-session.ts";

export const testTargetConnectionInput = z.strictObject({ targetSystemId: z.uuid() });

/** Connects and signs in with the stored settings; a failure is an answer (ok: false, the connector's message), not an error. */
export async function testTargetConnection(deps: TargetReadDeps, input: z.input<typeof testTargetConnectionInput>): Promise<{ ok: boolean; message: string }> {
  const { targetSystemId } = parseInput(testTargetConnectionInput, input);
  try {
    return await withPlanSession(deps, targetSystemId, async (session) => ({ ok: true, ...(await session.testConnection()) }));
  } catch (error) {
    if (error instanceof UseCaseError) throw error;
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
