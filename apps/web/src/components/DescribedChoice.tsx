import type { InputHTMLAttributes, ReactNode } from "react";

interface DescribedChoiceProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "className"> {
  choice: { label: ReactNode; description: ReactNode };
  /** "choice": a card in a choice row (radio buttons, switches); "checkbox": a line in a checkbox list. */
  kind?: "choice" | "checkbox";
  /** The label element's classes, when not just the kind's (a switch). */
  className?: string;
}

/** A radio button or checkbox with its label and, under it, what choosing it means. */
export function DescribedChoice({ choice, kind = "choice", className = kind, ...input }: DescribedChoiceProps) {
  return (
    <label className={className}>
      <input {...input} />
      <span>
        <span className={`${kind}__label`}>{choice.label}</span>
        <span className={`${kind}__description`}>{choice.description}</span>
      </span>
    </label>
  );
}
