import { OneTimeSecret } from "../../../components/OneTimeSecret.tsx";
import type { CreatedApiKey } from "../api/api-key-queries.ts";

/** The secret exists only in the create answer; once this is dismissed it is gone for good. */
export function NewApiKeySecret({ apiKey, onDone }: { apiKey: CreatedApiKey; onDone: () => void }) {
  return (
    <OneTimeSecret
      title={`API key “${apiKey.name}” created`}
      hint="Copy the secret now and store it somewhere safe. It is shown only this once; if it is lost, revoke the key and create a new one."
      label="Secret"
      value={apiKey.secret}
      onDone={onDone}
    />
  );
}
