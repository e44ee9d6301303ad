/** Whether a source or target system runs. */
export function EnabledBadge({ enabled }: { enabled: boolean }) {
  return <span className={`badge ${enabled ? "badge--success" : "badge--neutral"}`}>{enabled ? "Enabled" : "Disabled"}</span>;
}

/** Under a source or target system's name: its connector and whether it runs. */
export function SystemSummary({ connector, enabled }: { connector: string; enabled: boolean }) {
  return (
    <span className="inline-meta">
      <span>{connector}</span>
      <EnabledBadge enabled={enabled} />
    </span>
  );
}
