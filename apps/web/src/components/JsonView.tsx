/** JSON as delivered or as mapped, readable: indented, monospace, scrolls when long. */
export function JsonView({ value, label, maxHeight }: { value: unknown; label?: string; maxHeight?: number }) {
  return (
    <pre className="json-view" aria-label={label} tabIndex={0} style={maxHeight ? { maxHeight } : undefined}>
      <code>{JSON.stringify(value, null, 2) ?? "undefined"}</code>
    </pre>
  );
}
