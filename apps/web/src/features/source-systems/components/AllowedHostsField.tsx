import { useEffect, useState } from "react";
import { TextField } from "../../../components/TextField.tsx";

type Settings = Record<string, unknown>;

const hostsText = (settings: Settings) => (Array.isArray(settings.allowedHosts) ? settings.allowedHosts.join(", ") : "");
const parseHosts = (text: string) => text.split(/[\s,]+/).filter((host) => host.length > 0);

/** The hosts a script source may call (settings.allowedHosts), typed as a list separated by commas. */
export function AllowedHostsField({ settings, onChange, disabled }: { settings: Settings; onChange: (settings: Settings) => void; disabled?: boolean }) {
  // Typed text, so a trailing comma survives until the next host is typed.
  const [hosts, setHosts] = useState(() => hostsText(settings));
  // The JSON view changed the hosts: show them here.
  useEffect(() => {
    setHosts((current) => (parseHosts(current).join(",") === parseHosts(hostsText(settings)).join(",") ? current : hostsText(settings)));
  }, [settings]);
  return (
    <TextField
      label="Allowed hosts"
      value={hosts}
      onChange={(event) => {
        setHosts(event.target.value);
        onChange({ ...settings, allowedHosts: parseHosts(event.target.value) });
      }}
      hint="Host names the script may call, separated by commas, such as hr.example.com (no https:// or path). Changing them asks for the secrets again. Passwords and tokens go in the secrets below, never in config."
      autoComplete="off"
      disabled={disabled}
    />
  );
}
