import { expect } from "vitest";
import { ConnectorError } from "../../src/index.ts";

/** Awaits a fetch that must fail and returns its ConnectorError (any other outcome fails the test). */
export async function connectorErrorOf(promise: Promise<unknown>): Promise<ConnectorError> {
  const outcome = await promise.then(
    (value) => ({ failed: false as const, value }),
    (error: unknown) => ({ failed: true as const, error }),
  );
  if (!outcome.failed) throw new Error(`expected a ConnectorError, got a result: ${JSON.stringify(outcome.value).slice(0, 300)}`);
  expect(outcome.error).toBeInstanceOf(ConnectorError);
  const error = outcome.error as ConnectorError;
  // Messages are for administrators: no stack traces, no "[object Object]".
  expect(error.message).not.toMatch(/\n\s+at |\[object Object\]/);
  return error;
}
