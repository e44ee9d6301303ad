export interface Choice {
  value: string;
  label: string;
  title?: string;
  disabled?: boolean;
}

/**
 * The options of a select, from a value -> label record (in its order), from values that are
 * their own labels, or from choices with a title (shown on hover) or disabled.
 */
export function Options(props: { labels: Readonly<Record<string, string>> } | { values: readonly string[] } | { choices: readonly Choice[] }) {
  const choices: readonly Choice[] =
    "labels" in props
      ? Object.entries(props.labels).map(([value, label]) => ({ value, label }))
      : "values" in props
        ? props.values.map((value) => ({ value, label: value }))
        : props.choices;
  return choices.map((choice) => (
    <option key={choice.value} value={choice.value} title={choice.title} disabled={choice.disabled}>
      {choice.label}
    </option>
  ));
}

/** Values offered as suggestions in the text inputs that name this datalist (`list={id}`). */
export function Suggestions({ id, values }: { id: string; values: readonly string[] }) {
  return (
    <datalist id={id}>
      {values.map((value) => (
        <option key={value} value={value} />
      ))}
    </datalist>
  );
}
