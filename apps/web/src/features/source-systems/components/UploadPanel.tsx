import { useId, useState, type FormEvent } from "react";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { formatBytes, formatDateTime } from "../../../lib/format.ts";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { useUploadMutation, type UploadRole, type UploadedFile } from "../api/import-queries.ts";

const roleLabels: Record<UploadRole, string> = {
  persons: "Persons file",
  contracts: "Contracts file",
  departments: "Departments file",
};

/** One file input per file the CSV layout takes; the next import uses the newest upload of each. */
export function UploadPanel({ sourceSystemId, roles }: { sourceSystemId: string; roles: UploadRole[] }) {
  return (
    <div className="upload-grid">
      {roles.map((role) => (
        <UploadForm key={role} sourceSystemId={sourceSystemId} role={role} />
      ))}
    </div>
  );
}

function UploadForm({ sourceSystemId, role }: { sourceSystemId: string; role: UploadRole }) {
  const tenant = useCurrentTenant();
  const upload = useUploadMutation(tenant.tenantId, sourceSystemId);
  const [file, setFile] = useState<File>();
  const [uploaded, setUploaded] = useState<UploadedFile>();
  const id = useId();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) return;
    const form = event.currentTarget;
    upload.mutate(
      { role, file },
      {
        onSuccess: (result) => {
          setUploaded(result);
          setFile(undefined);
          form.reset();
        },
      },
    );
  }

  return (
    <form className="upload-card" onSubmit={handleSubmit} aria-label={`Upload ${roleLabels[role].toLowerCase()}`}>
      <label className="field__label" htmlFor={id}>
        {roleLabels[role]}
      </label>
      <input
        id={id}
        type="file"
        className="file-input"
        accept=".csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values"
        onChange={(event) => setFile(event.target.files?.[0])}
      />
      <div className="upload-card__footer">
        <button type="submit" className="button button--secondary button--small" disabled={!file || upload.isPending}>
          {upload.isPending ? "Uploading…" : `Upload ${roleLabels[role].toLowerCase()}`}
        </button>
        <span className="upload-card__status" role="status">
          {uploaded && !upload.isPending && (
            <>
              Uploaded <strong>{uploaded.fileName}</strong> ({formatBytes(uploaded.sizeBytes)}) at {formatDateTime(uploaded.createdAt)}
            </>
          )}
        </span>
      </div>
      {upload.error && <ErrorAlert error={upload.error} title="The file was not uploaded" />}
    </form>
  );
}
