import type { ChangeEvent } from "react";

type TextKeys<Values> = { [Key in keyof Values]: Values[Key] extends string ? Key : never }[keyof Values];

/**
 * Binds text inputs to the string fields of a connector settings form: `{...text("personKey")}`
 * gives the value, the change, no autofill (settings are not personal data) and the form's
 * disabled state; a field can still override any of them after the spread.
 */
export function textBinding<Values>(values: Values, set: (change: Partial<Values>) => void, disabled: boolean | undefined) {
  return (key: TextKeys<Values>) => ({
    value: values[key] as string,
    onChange: (event: ChangeEvent<HTMLInputElement>) => set({ [key]: event.target.value } as Partial<Values>),
    autoComplete: "off",
    disabled,
  });
}
