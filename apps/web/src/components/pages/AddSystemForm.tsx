import { useState, type FormEvent, type ReactNode } from "react";
import { Link } from "react-router";
import { ErrorAlert } from "../Alert.tsx";
import { ConnectorTypePicker } from "../ConnectorTypePicker.tsx";
import { LoadingState } from "../LoadingState.tsx";
import { PageHeader } from "../PageHeader.tsx";
import { SubmitButton } from "../SubmitButton.tsx";
import { TextField } from "../TextField.tsx";
import { PageFrame, type PageFrameProps } from "./PageFrame.tsx";
import type { QueryState } from "./QueryView.tsx";

interface Connector<Type extends string> {
  type: Type;
  label: string;
  description: string;
}

/**
 * The page that adds a source or target system: its name, its connector type from the catalogue,
 * then the chosen connector's settings (`children`). `onSubmit` gets the trimmed name once one is
 * given; the page checks its own settings and creates the system.
 */
export function AddSystemForm<Type extends string>({
  frame,
  noun,
  nameExample,
  description,
  catalogue,
  connectorType,
  onConnectorTypeChange,
  create,
  onSubmit,
  children,
}: {
  frame: PageFrameProps;
  /** "target system" */
  noun: string;
  nameExample: string;
  description: string;
  catalogue: QueryState<Connector<Type>[]>;
  connectorType: Type | undefined;
  onConnectorTypeChange: (type: Type) => void;
  create: { error: unknown; isPending: boolean };
  onSubmit: (name: string) => void;
  children: ReactNode;
}) {
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string>();
  const title = `Add ${noun}`;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(`Give the ${noun} a name, such as “${nameExample}”.`);
      return;
    }
    setNameError(undefined);
    onSubmit(name.trim());
  }

  return (
    <>
      <PageFrame title={title} {...frame} />
      <PageHeader title={title} description={description} />
      <form className="panel form-panel" onSubmit={handleSubmit} noValidate aria-label={title}>
        <div className="panel__body form">
          {create.error ? <ErrorAlert error={create.error} title={`The ${noun} was not added`} /> : null}
          <TextField label="Name" value={name} onChange={(event) => setName(event.target.value)} maxLength={100} autoComplete="off" error={nameError} className="field--narrow" />
          {catalogue.error ? <ErrorAlert error={catalogue.error} title="The connector types could not be loaded" /> : null}
          {catalogue.isPending ? <LoadingState label="Loading connector types…" /> : <ConnectorTypePicker connectors={catalogue.data ?? []} value={connectorType} onChange={onConnectorTypeChange} />}
          {children}
        </div>
        <div className="panel__actions">
          <Link className="button button--quiet" to={frame.parent.to}>
            Cancel
          </Link>
          <SubmitButton pending={create.isPending} pendingLabel="Adding…">
            {title}
          </SubmitButton>
        </div>
      </form>
    </>
  );
}
