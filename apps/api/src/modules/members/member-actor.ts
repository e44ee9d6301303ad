import { currentContext } from "@idlife/db";
import type { Role } from "@idlife/core";
import type { MemberActor } from "@idlife/use-cases";

/** The caller as the member use cases take it: a person with their role; an API key counts as admin. */
export function currentMemberActor(): MemberActor {
  const context = currentContext();
  return context.actor?.type === "user" ? { role: context.role as Role, userId: context.actor.id } : { role: "admin", userId: null };
}
