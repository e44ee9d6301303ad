import { ScriptTargetSandbox } from "@idlife/sandbox";
import { parseSettings } from "../../settings-validation.ts";
import { defineTargetConnector } from "../target-connector.ts";
import { scriptTargetSettingsSchema } from "./script-target-settings.ts";
import { ScriptTargetSession } from "./script-target-session.ts";

const DEFAULT_ACTION_TIMEOUT_MS = 30_000;

/**
 * A target system written as JavaScript: one function per action (create, update, enable,
 * disable, delete — as `remove`, a reserved word —, grant, revoke, get, find, list, permissions,
 * accountPermissions, test), each receiving its action context ({ account, previous, person,
 * reference, permission, password, mode, config, http, log }) and returning { success, reference?,
 * data?, messages?, retryAfterMs? } (find and list add `accounts`, get `account`, permissions and
 * accountPermissions `permissions`). It runs in the sandbox; HTTP goes through the controlled
 * bridge, which in plan mode sends only GET and HEAD: any other request throws inside the script
 * ("Not sent: this is a preview ...") and is reported as "would write POST https://host/path".
 */
export const scriptTargetConnector = defineTargetConnector({
  type: "script",
  label: "Script (JavaScript in a sandbox)",
  description:
    "JavaScript run in an isolated sandbox with memory and time limits and a controlled HTTP bridge, one function per " +
    "action (create, update, enable, disable, remove, grant, revoke, get, find, list, permissions, test). For any " +
    "application with an API and no built-in connector.",
  settingsSchema: scriptTargetSettingsSchema,
  secretFields: [],
  secretNames: "any",
  capabilities: {
    enableDisable: true,
    permissions: true,
    createPermissions: false,
    containers: false,
    passwords: true,
    script: true,
    listAccounts: true,
  },
  accountAttributes: [],
  defaultCorrelationAttribute: "externalId",
  async open(input) {
    const settings = parseSettings(scriptTargetSettingsSchema, input.settings, "script target");
    const timeoutMs = settings.actionTimeoutMs ?? DEFAULT_ACTION_TIMEOUT_MS;
    let session: ScriptTargetSession | undefined;
    const sandbox = new ScriptTargetSandbox(settings.script, {
      config: settings.config,
      secrets: input.secrets,
      http: { allowedHosts: settings.allowedHosts, ...(input.fetch ? { fetch: input.fetch } : {}) },
      mode: input.mode,
      timeoutMs,
      ...(settings.memoryLimitMb ? { memoryLimitMb: settings.memoryLimitMb } : {}),
      onRefusedWrite: (description) => {
        session?.noteRefusedWrite(description);
        input.onRefusedWrite?.({ description });
      },
    });
    session = new ScriptTargetSession(sandbox, input.mode, timeoutMs, input.signal);
    return session;
  },
});
