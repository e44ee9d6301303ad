import type { ReactNode } from "react";
import { getErrorMessage } from "../lib/api/api-error.ts";
import { Icon } from "./Icon.tsx";

interface AlertProps {
  tone: "error" | "warning" | "success" | "info";
  title?: string;
  children: ReactNode;
}

/** Errors are announced as they appear (role="alert"); other messages politely (role="status"). */
export function Alert({ tone, title, children }: AlertProps) {
  return (
    <div className={`alert alert--${tone}`} role={tone === "error" ? "alert" : "status"}>
      <Icon name={tone === "success" ? "check" : "alert"} className="alert__icon" />
      <div className="alert__body">
        {title && <p className="alert__title">{title}</p>}
        <div>{children}</div>
      </div>
    </div>
  );
}

export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  return (
    <Alert tone="error" title={title}>
      {getErrorMessage(error)}
    </Alert>
  );
}
