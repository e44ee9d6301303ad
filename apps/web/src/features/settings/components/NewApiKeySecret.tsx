import { useId, useRef, useState } from "react";
import { Icon } from "../../../components/Icon.tsx";
import type { CreatedApiKey } from "../api/api-key-queries.ts";

/** The secret exists only in the create answer; once this is dismissed it is gone for good. */
export function NewApiKeySecret({ apiKey, onDone }: { apiKey: CreatedApiKey; onDone: () => void }) {
  const inputId = useId();
  const hintId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<"idle" | "copied" | "manual">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(apiKey.secret);
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
        <p className="secret-callout__title">API key “{apiKey.name}” created</p>
      </div>
      <p className="secret-callout__hint" id={hintId}>
        Copy the secret now and store it somewhere safe. It is shown only this once; if it is lost, revoke the key and
        create a new one.
      </p>
      <label className="field__label" htmlFor={inputId}>
        Secret
      </label>
      <div className="secret-callout__row">
        <input
          id={inputId}
          ref={inputRef}
          className="input input--mono"
          value={apiKey.secret}
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
      {copyState === "manual" && <p className="field__hint">The secret is selected: press Ctrl+C (⌘C on a Mac) to copy it.</p>}
    </div>
  );
}
