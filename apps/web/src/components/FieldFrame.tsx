import { useId, type ReactNode } from "react";

/** What a form control needs to be tied to its label, hint and error. */
export interface ControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

interface FieldFrameProps {
  label: string;
  hint?: ReactNode;
  error?: string;
  className?: string | undefined;
  /** Puts the label in a row with something beside it (e.g. "Forgot password?"). */
  labelRow?: boolean;
  labelAside?: ReactNode;
  children: (control: ControlProps) => ReactNode;
}

/** The label, hint and error around one form control, wired up for assistive technology. */
export function FieldFrame({ label, hint, error, className, labelRow, labelAside, children }: FieldFrameProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const labelElement = (
    <label className="field__label" htmlFor={id}>
      {label}
    </label>
  );
  return (
    <div className={`field${className ? ` ${className}` : ""}`}>
      {labelRow ? (
        <div className="field__label-row">
          {labelElement}
          {labelAside}
        </div>
      ) : (
        labelElement
      )}
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined })}
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
