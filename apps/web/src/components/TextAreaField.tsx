import type { ReactNode, TextareaHTMLAttributes } from "react";
import { FieldFrame } from "./FieldFrame.tsx";

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id"> {
  label: string;
  hint?: ReactNode;
  error?: string;
  /** Code and JSON: monospace, no spell checking. */
  mono?: boolean;
}

export function TextAreaField({ label, hint, error, mono, className, ...textareaProps }: TextAreaFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} className={className}>
      {(control) => (
        <textarea
          className={`input textarea${mono ? " input--mono" : ""}`}
          spellCheck={mono ? false : undefined}
          autoCapitalize={mono ? "off" : undefined}
          autoCorrect={mono ? "off" : undefined}
          {...control}
          {...textareaProps}
        />
      )}
    </FieldFrame>
  );
}
