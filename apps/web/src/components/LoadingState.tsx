export function LoadingState({ label = "Loading…" }: { label?: string }) {
  return (
    <div className="loading" role="status">
      <span className="loading__spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

/** Fills the window while the session is being checked, so the shell does not flash. */
export function FullPageLoading() {
  return (
    <div className="full-page-center">
      <LoadingState />
    </div>
  );
}
