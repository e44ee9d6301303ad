import { useId, useRef, useState, type ReactNode } from "react";
import { Icon } from "./Icon.tsx";

/**
 * Something the API hands out once (an API key's secret, an invitation link): shown with a copy
 * button until the person dismisses it; after that it is gone for good.
 */
export function OneTimeSecret({ title, hint, label, value, onDone }: { title: string; hint: ReactNode; label: string; value: string; onDone: () => void }) {
  const inputId = useId();
  const hintId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<"idle" | "copied" | "manual">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopyState("copied");
    } catch {
      // The clipboard needs a secure context and permission; selecting the text still lets the
      // person press Ctrl+C themselves.
      inputRef.current?.select();
      setCopyState("manual");
    }
  }

  return (
    <div className="secret-callout" role="status">
      <div className="secret-callout__header">
        <Icon name="key" />
        <p className="secret-callout__title">{title}</p>
      </div>
      <p className="secret-callout__hint" id={hintId}>
        {hint}
      </p>
      <label className="field__label" htmlFor={inputId}>
        {label}
      </label>
      <div className="secret-callout__row">
        <input
          id={inputId}
          ref={inputRef}
          className="input input--mono"
          value={value}
          readOnly
          aria-describedby={hintId}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {copyState === "copied" ? "Copied" : "Copy"}
        </button>
        <button type="button" className="button button--quiet" onClick={onDone}>
          Done
        </button>
      </div>
      {copyState === "manual" && <p className="field__hint">The {label.toLowerCase()} is selected: press Ctrl+C (⌘C on a Mac) to copy it.</p>}
    </div>
  );
}
