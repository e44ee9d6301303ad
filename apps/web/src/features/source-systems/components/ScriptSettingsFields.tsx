import { useEffect, useState } from "react";
import { TextAreaField } from "../../../components/TextAreaField.tsx";
import { TextField } from "../../../components/TextField.tsx";

type Settings = Record<string, unknown>;

const hostsText = (settings: Settings) => (Array.isArray(settings.allowedHosts) ? settings.allowedHosts.join(", ") : "");
const parseHosts = (text: string) => text.split(/[\s,]+/).filter((host) => host.length > 0);

/**
 * The usual settings of a script source: the script and the hosts it may call. Its non-secret
 * configuration (settings.config) is edited in the JSON below; passwords and tokens go in the
 * secrets, never in the settings.
 */
export function ScriptSettingsFields({ settings, onChange, disabled }: { settings: Settings; onChange: (settings: Settings) => void; disabled?: boolean }) {
  // Typed text, so a trailing comma survives until the next host is typed.
  const [hosts, setHosts] = useState(() => hostsText(settings));
  // The JSON view changed the hosts: show them here.
  useEffect(() => {
    setHosts((current) => (parseHosts(current).join(",") === parseHosts(hostsText(settings)).join(",") ? current : hostsText(settings)));
  }, [settings]);
  return (
    <>
      <TextAreaField
        label="Script"
        mono
        rows={12}
        value={typeof settings.script === "string" ? settings.script : ""}
        onChange={(event) => onChange({ ...settings, script: event.target.value })}
        disabled={disabled}
        hint="Modern JavaScript, run in a sandbox with time and memory limits. It receives config (settings.config: plain, non-secret values) and the secrets below, and an http bridge limited to the allowed hosts; it returns { persons, departments }."
      />
      <TextField
        label="Allowed hosts"
        value={hosts}
        onChange={(event) => {
          setHosts(event.target.value);
          onChange({ ...settings, allowedHosts: parseHosts(event.target.value) });
        }}
        hint="Host names the script may call, separated by commas, such as hr.example.com (no https:// or path). Changing them asks for the secrets again."
        autoComplete="off"
        disabled={disabled}
      />
    </>
  );
}
