import { createApiKeyRequestSchema, type ApiKeyScope } from "@idlife/contracts";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { DescribedChoice } from "../../../components/DescribedChoice.tsx";
import { SubmitButton } from "../../../components/SubmitButton.tsx";
import { TextField } from "../../../components/TextField.tsx";
import { useCheckedForm } from "../../../lib/use-checked-form.ts";
import { useCreateApiKeyMutation, type CreatedApiKey } from "../api/api-key-queries.ts";

export const scopeOptions: { value: ApiKeyScope; label: string; description: string }[] = [
  { value: "read", label: "Read", description: "Read persons, systems and the audit log." },
  { value: "write", label: "Write", description: "Start imports and change configuration." },
  { value: "admin", label: "Admin", description: "Manage members, API keys and tenant settings." },
];

export function CreateApiKeyForm({ tenantId, onCreated }: { tenantId: string; onCreated: (key: CreatedApiKey) => void }) {
  const createKey = useCreateApiKeyMutation(tenantId);
  const { errors, handleSubmit } = useCheckedForm({
    schema: createApiKeyRequestSchema,
    read: (data) => ({ name: String(data.get("name") ?? ""), scopes: data.getAll("scopes").map(String) }),
    messages: (invalid) => ({ name: invalid.name && "Give the key a name, up to 100 characters.", scopes: invalid.scopes && "Choose at least one scope." }),
    submit: createKey.mutate,
    onSuccess: onCreated,
  });

  return (
    <form className="form form--inline-panel" onSubmit={handleSubmit} noValidate aria-label="Create API key">
      {createKey.error && <ErrorAlert error={createKey.error} />}
      <TextField
        label="Name"
        name="name"
        maxLength={100}
        autoComplete="off"
        required
        hint="So you recognise it later, for example “HR sync script”."
        error={errors.name}
      />
      <fieldset className="fieldset" aria-describedby={errors.scopes ? "api-key-scopes-error" : undefined}>
        <legend className="field__label">Scopes</legend>
        <div className="checkbox-list">
          {scopeOptions.map((scope) => (
            <DescribedChoice key={scope.value} kind="checkbox" choice={scope} type="checkbox" name="scopes" value={scope.value} defaultChecked={scope.value === "read"} />
          ))}
        </div>
        {errors.scopes && (
          <p className="field__error" id="api-key-scopes-error">
            {errors.scopes}
          </p>
        )}
      </fieldset>
      <SubmitButton pending={createKey.isPending} pendingLabel="Creating…">
        Create API key
      </SubmitButton>
    </form>
  );
}
