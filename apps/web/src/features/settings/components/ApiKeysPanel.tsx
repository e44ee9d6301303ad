import type { ApiKey } from "@idlife/contracts";
import { useState } from "react";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { DataTable } from "../../../components/DataTable.tsx";
import { LoadingState } from "../../../components/LoadingState.tsx";
import { Panel } from "../../../components/Panel.tsx";
import { formatDate, formatDateTime } from "../../../lib/format.ts";
import { useApiKeysQuery, useRevokeApiKeyMutation, type CreatedApiKey } from "../api/api-key-queries.ts";
import { CreateApiKeyForm } from "./CreateApiKeyForm.tsx";
import { NewApiKeySecret } from "./NewApiKeySecret.tsx";

export function ApiKeysPanel({ tenantId }: { tenantId: string }) {
  const apiKeys = useApiKeysQuery(tenantId);
  const [createdKey, setCreatedKey] = useState<CreatedApiKey>();

  return (
    <Panel title="API keys" description="Keys let scripts and other systems call the idlife API for this tenant.">
      <div className="stack">
        {createdKey ? (
          <NewApiKeySecret apiKey={createdKey} onDone={() => setCreatedKey(undefined)} />
        ) : (
          <CreateApiKeyForm tenantId={tenantId} onCreated={setCreatedKey} />
        )}
        {apiKeys.isPending ? (
          <LoadingState />
        ) : !apiKeys.data ? (
          <ErrorAlert error={apiKeys.error} />
        ) : apiKeys.data.length === 0 ? (
          <p className="muted">No API keys yet.</p>
        ) : (
          <ApiKeysTable tenantId={tenantId} apiKeys={apiKeys.data} />
        )}
      </div>
    </Panel>
  );
}

function ApiKeysTable({ tenantId, apiKeys }: { tenantId: string; apiKeys: ApiKey[] }) {
  const revoke = useRevokeApiKeyMutation(tenantId);
  const [confirmingId, setConfirmingId] = useState<string>();

  return (
    <>
      {revoke.error && <ErrorAlert error={revoke.error} title="The key was not revoked" />}
      <DataTable
        caption="API keys"
        columns={["Name", "Key", "Scopes", "Created", "Created by", "Last used", { label: "Status and actions", hidden: true }]}
        items={apiKeys}
        renderRow={(apiKey) => (
          <>
            <td>{apiKey.name}</td>
            <td>
              <code className="code">{apiKey.prefix}…</code>
            </td>
            <td>{apiKey.scopes.join(", ")}</td>
            <td className="table__nowrap">{formatDate(apiKey.createdAt)}</td>
            <td>{apiKey.createdBy ? <span title={apiKey.createdBy.email}>{apiKey.createdBy.displayName}</span> : <span className="muted">Unknown</span>}</td>
            <td className="table__nowrap">{apiKey.lastUsedAt ? formatDateTime(apiKey.lastUsedAt) : "Never"}</td>
            <td className="table__actions">
              {apiKey.revokedAt ? (
                <span className="badge badge--neutral">Revoked</span>
              ) : confirmingId === apiKey.id ? (
                <span className="inline-confirm">
                  <button
                    type="button"
                    className="button button--danger button--small"
                    disabled={revoke.isPending}
                    onClick={() => revoke.mutate(apiKey.id, { onSettled: () => setConfirmingId(undefined) })}
                  >
                    {revoke.isPending ? "Revoking…" : "Yes, revoke"}
                    <span className="visually-hidden"> {apiKey.name}</span>
                  </button>
                  <button type="button" className="button button--quiet button--small" onClick={() => setConfirmingId(undefined)}>
                    Cancel
                  </button>
                </span>
              ) : (
                <button type="button" className="button button--secondary button--small" onClick={() => setConfirmingId(apiKey.id)}>
                  Revoke<span className="visually-hidden"> {apiKey.name}</span>
                </button>
              )}
            </td>
          </>
        )}
      />
    </>
  );
}
