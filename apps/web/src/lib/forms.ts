import type { FormEvent } from "react";
import { z } from "zod";

export type FieldErrors<TValues> = Partial<Record<keyof TValues & string, string>>;

type ValidationResult<TSchema extends z.ZodType> =
  | { success: true; data: z.output<TSchema> }
  | { success: false; errors: FieldErrors<z.input<TSchema>> };

/**
 * Checks form values with the same contract schema the API uses, and keeps the first message per
 * field, which is the one to show next to that field.
 */
export function validateForm<TSchema extends z.ZodType>(schema: TSchema, values: unknown): ValidationResult<TSchema> {
  const result = schema.safeParse(values);
  if (result.success) return { success: true, data: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (typeof field === "string" && !(field in errors)) errors[field] = issue.message;
  }
  return { success: false, errors: errors as FieldErrors<z.input<TSchema>> };
}

/** Reads a form's text fields as strings; an empty field is "". */
export function readTextFields<TName extends string>(form: HTMLFormElement, names: readonly TName[]): Record<TName, string> {
  const data = new FormData(form);
  const values = {} as Record<TName, string>;
  for (const name of names) {
    const value = data.get(name);
    values[name] = typeof value === "string" ? value : "";
  }
  return values;
}

/** Optional fields left empty are absent, not "", so the contract's optional() accepts them. */
export function emptyToUndefined(value: string): string | undefined {
  return value.trim() === "" ? undefined : value;
}

/**
 * A form's submit handler: reads the form's data, checks it with the contract schema, shows
 * the messages of the fields that are wrong (an empty set once all are right) and otherwise
 * submits the values, resetting the form when that succeeds.
 */
export function checkedSubmit<TSchema extends z.ZodType, TResult>(form: {
  schema: TSchema;
  read: (data: FormData) => unknown;
  showErrors: (errors: FieldErrors<z.input<TSchema>>) => void;
  /** Called when valid values are about to be submitted, e.g. to hide the previous outcome. */
  onSubmit?: () => void;
  submit: (values: z.output<TSchema>, options: { onSuccess: (result: TResult) => void }) => void;
  /** Called with the outcome once the form is reset. */
  onSuccess: (result: TResult) => void;
}) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const result = validateForm(form.schema, form.read(new FormData(element)));
    if (!result.success) {
      form.showErrors(result.errors);
      return;
    }
    form.showErrors({});
    form.onSubmit?.();
    form.submit(result.data, {
      onSuccess: (outcome) => {
        element.reset();
        form.onSuccess(outcome);
      },
    });
  };
}
