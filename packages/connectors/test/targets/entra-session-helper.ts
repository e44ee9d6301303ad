import type { GraphServer } from "../../../testing/src/peers/index.ts";
import { expect } from "vitest";
import { entraIdConnector, type RefusedWrite, type TargetSession } from "../../src/index.ts";

/** Settings that point the connector at the Graph test server instead of Microsoft's cloud. */
export function entraSettings(server: GraphServer, extra: Record<string, unknown> = {}) {
  return { tenantId: server.tenantId, clientId: server.clientId, graphUrl: server.url, tokenUrl: server.tokenUrl, usageLocation: "NL", ...extra };
}

export function openEntra(server: GraphServer, options: { mode?: "plan" | "apply"; settings?: Record<string, unknown>; onRefusedWrite?: (write: RefusedWrite) => void } = {}): Promise<TargetSession> {
  return entraIdConnector.open({
    mode: options.mode ?? "apply",
    settings: entraSettings(server, options.settings),
    secrets: { clientSecret: server.clientSecret },
    onRefusedWrite: options.onRefusedWrite,
  });
}

let counter = 0;
/** Account data for a new, unique person in the server's verified domain. */
export function newPersonData(server: GraphServer, overrides: Record<string, string> = {}) {
  counter += 1;
  const alias = `person${counter}.${Date.now().toString(36)}`;
  return { userPrincipalName: `${alias}@${server.domain}`, displayName: `Person ${counter}`, givenName: "Test", surname: `Person ${counter}`, employeeId: `E${counter}-${Date.now()}`, ...overrides };
}

export const PASSWORD = "Welcome-2026!x";

/**
 * Every request the server answered since `from` was accepted: Graph would not have refused any.
 * 404 is not a refusal: it answers a lookup (or a second delete) of something that is gone.
 */
export function expectAllAccepted(server: GraphServer, from = 0) {
  const refused = server.requests.slice(from).filter((request) => request.status >= 400 && request.status !== 404);
  expect(refused.map((request) => `${request.method} ${request.path} -> ${request.status} ${JSON.stringify(request.body)}`)).toEqual([]);
}
