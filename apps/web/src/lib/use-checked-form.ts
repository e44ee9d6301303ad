import { useState } from "react";
import type { z } from "zod";
import { checkedSubmit, type FieldErrors } from "./forms.ts";

/**
 * The state of a form submitted through `checkedSubmit`: the message of each field that is
 * wrong, and the outcome of the last submit that succeeded (a one-time link to show), cleared
 * when the form is submitted again.
 */
export function useCheckedForm<TSchema extends z.ZodType, TResult, TErrors extends object>(form: {
  schema: TSchema;
  read: (data: FormData) => unknown;
  /** The messages to show, by field, for the fields the schema found wrong. */
  messages: (invalid: FieldErrors<z.input<TSchema>>) => TErrors;
  submit: (values: z.output<TSchema>, options: { onSuccess: (result: TResult) => void }) => void;
  onSuccess?: (result: TResult) => void;
}) {
  const [errors, setErrors] = useState<Partial<TErrors>>({});
  const [outcome, setOutcome] = useState<TResult | null>(null);
  const handleSubmit = checkedSubmit({
    schema: form.schema,
    read: form.read,
    showErrors: (invalid) => setErrors(form.messages(invalid)),
    onSubmit: () => setOutcome(null),
    submit: form.submit,
    onSuccess: (result: TResult) => {
      setOutcome(result);
      form.onSuccess?.(result);
    },
  });
  return { errors, handleSubmit, outcome, clearOutcome: () => setOutcome(null) };
}
