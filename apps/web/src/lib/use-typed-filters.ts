import { useEffect, useState } from "react";

type Typed<Field extends string> = Record<Field, string>;

/**
 * The typed fields of a filter bar (search boxes, ids): they apply on Enter or after a short pause
 * in typing, so every keystroke does not reload a list, and follow the filter when it changes
 * from outside (back/forward in the browser). `apply` receives the trimmed values, empty as undefined.
 */
export function useTypedFilters<Field extends string>(
  applied: Record<Field, string | undefined>,
  apply: (typed: Record<Field, string | undefined>) => void,
  pauseMs = 350,
) {
  const fields = Object.keys(applied) as Field[];
  const fromFilter = () => Object.fromEntries(fields.map((field) => [field, applied[field] ?? ""])) as Typed<Field>;
  const [typed, setTyped] = useState<Typed<Field>>(fromFilter);
  const appliedKey = fields.map((field) => applied[field] ?? "").join("\u0000");
  const pending = fields.some((field) => (applied[field] ?? "") !== typed[field]!.trim());

  // Follow the filter from outside, but keep what is being typed when only spaces differ.
  useEffect(() => {
    setTyped((current) => {
      const next = { ...current };
      for (const field of fields) if (current[field].trim() !== (applied[field] ?? "")) next[field] = applied[field] ?? "";
      return next;
    });
  }, [appliedKey]);

  const submit = () => apply(Object.fromEntries(fields.map((field) => [field, typed[field].trim() || undefined])) as Record<Field, string | undefined>);

  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(submit, pauseMs);
    return () => clearTimeout(timer);
    // Only typing restarts the pause; the filter itself is read when it fires.
  }, [typed]);

  const setField = (field: Field, value: string) => setTyped((current) => ({ ...current, [field]: value }));
  return { typed, setField, submit };
}
