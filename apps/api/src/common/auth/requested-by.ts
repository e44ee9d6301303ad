import { requireActor } from "@idlife/db";
import type { RequestedBy } from "@idlife/use-cases";

/** Who asked, as evaluations and the target work table record it. */
export function requestedBy(): RequestedBy {
  const actor = requireActor();
  if (actor.type === "user") return { kind: "user", userId: actor.id };
  if (actor.type === "api_key") return { kind: "api-key", apiKeyId: actor.id };
  return { kind: "system" };
}
