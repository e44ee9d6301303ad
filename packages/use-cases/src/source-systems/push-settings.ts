import { pushSettingsSchema, type PushSettings } from "@idlife/contracts";
import { badRequest } from "../use-case-error.ts";

/**
 * settings.push belongs to the platform, not to the connector (whose schema would drop it):
 * taken out before the connector checks its settings, checked here, and put back.
 */
export function separatePushSettings(settings: Record<string, unknown>): { connectorSettings: Record<string, unknown>; push?: PushSettings } {
  if (!Object.hasOwn(settings, "push")) return { connectorSettings: settings };
  const { push, ...connectorSettings } = settings;
  const parsed = pushSettingsSchema.safeParse(push);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = ["push", ...(issue?.path ?? [])].join(".");
    throw badRequest("invalid_settings", `The push settings are invalid at '${at}': ${issue?.message}. Send for example { "push": { "enabled": true } }.`);
  }
  return { connectorSettings, push: parsed.data };
}

/** The push settings of a stored source system (off when absent or unreadable). */
export function pushSettingsOf(settings: unknown): PushSettings {
  const push = typeof settings === "object" && settings !== null && Object.hasOwn(settings, "push") ? (settings as { push: unknown }).push : undefined;
  return pushSettingsSchema.safeParse(push ?? {}).data ?? { enabled: false };
}
