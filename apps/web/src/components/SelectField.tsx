import type { ReactNode, SelectHTMLAttributes } from "react";
import { FieldFrame } from "./FieldFrame.tsx";

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> {
  label: string;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}

export function SelectField({ label, hint, error, className, children, ...selectProps }: SelectFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} className={className}>
      {(control) => (
        <select className="select" {...control} {...selectProps}>
          {children}
        </select>
      )}
    </FieldFrame>
  );
}
