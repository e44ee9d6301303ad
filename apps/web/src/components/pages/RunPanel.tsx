import type { ReactNode } from "react";
import { ErrorAlert } from "../Alert.tsx";
import { Panel } from "../Panel.tsx";

/** The part of a TanStack mutation result the panel reads. */
interface Run {
  mutate: () => void;
  isPending: boolean;
  error: unknown;
}

/**
 * A panel whose button asks an outside system for something (a target's permissions, its
 * accounts). Only those allowed get the button; it waits while the run is under way, and a run
 * that failed is told above the panel's content.
 */
export function RunPanel({
  title,
  description,
  run,
  allowed,
  label,
  pendingLabel,
  errorTitle,
  children,
}: {
  title: string;
  description: ReactNode;
  run: Run;
  allowed: boolean;
  label: string;
  pendingLabel: string;
  errorTitle: string;
  children: ReactNode;
}) {
  const button = (
    <button type="button" className="button button--secondary" onClick={() => run.mutate()} disabled={run.isPending}>
      {run.isPending ? pendingLabel : label}
    </button>
  );
  return (
    <Panel title={title} description={description} actions={allowed && button}>
      {run.error ? <ErrorAlert error={run.error} title={errorTitle} /> : null}
      {children}
    </Panel>
  );
}
