import type { InputHTMLAttributes, ReactNode } from "react";
import { FieldFrame } from "./FieldFrame.tsx";

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id"> {
  label: string;
  hint?: ReactNode;
  error?: string;
  /** Shown on the label's line, right-aligned (e.g. "Forgot password?"). */
  labelAside?: ReactNode;
}

export function TextField({ label, hint, error, labelAside, className, ...inputProps }: TextFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} className={className} labelRow labelAside={labelAside}>
      {(control) => <input className="input" {...control} {...inputProps} />}
    </FieldFrame>
  );
}
