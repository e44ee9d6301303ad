import type { ScimServer } from "@idlife/testing/peers";
import { scimConnector, type RefusedWrite, type TargetSession } from "../../src/index.ts";

/** A session of the SCIM connector against the test service, the way the engine opens one. */
export function openScim(
  server: Pick<ScimServer, "url" | "token">,
  options: { mode?: "plan" | "apply"; token?: string; settings?: Record<string, unknown>; refused?: RefusedWrite[] } = {},
): Promise<TargetSession> {
  return scimConnector.open({
    mode: options.mode ?? "apply",
    settings: { baseUrl: server.url, auth: { type: "bearer" }, ...options.settings },
    secrets: { "auth.token": options.token ?? server.token },
    onRefusedWrite: (write) => options.refused?.push(write),
  });
}

let counter = 0;
/** Account data for a new person: a userName no other test in the file uses. */
export function newPerson(overrides: Record<string, string | boolean | null> = {}) {
  counter += 1;
  const userName = `person${counter}.${Date.now().toString(36)}@example.test`;
  return { userName, externalId: `E${counter}-${Date.now()}`, "name.givenName": "Jan", "name.familyName": `Jansen${counter}`, displayName: `Jan Jansen ${counter}`, emails: userName, ...overrides };
}
