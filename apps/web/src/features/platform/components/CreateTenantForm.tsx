import { createTenantRequestSchema } from "@idlife/contracts";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { OneTimeSecret } from "../../../components/OneTimeSecret.tsx";
import { SubmitButton } from "../../../components/SubmitButton.tsx";
import { TextField } from "../../../components/TextField.tsx";
import { useCheckedForm } from "../../../lib/use-checked-form.ts";
import { useCreateTenantMutation } from "../api/platform-tenant-queries.ts";

/** A new tenant and its first owner; a new owner sets a password through a one-time link. */
export function CreateTenantForm() {
  const create = useCreateTenantMutation();
  const { errors, handleSubmit, outcome: created, clearOutcome } = useCheckedForm({
    schema: createTenantRequestSchema,
    read: (data) => {
      const text = (name: string) => String(data.get(name) ?? "");
      return { name: text("name"), slug: text("slug"), owner: { email: text("email"), displayName: text("displayName") } };
    },
    messages: (invalid) => ({
      name: invalid.name && "Enter the organisation's name (2 to 200 characters).",
      slug: invalid.slug && "Use lower-case letters, digits and dashes, up to 50 characters.",
      email: (invalid as { owner?: string }).owner && "Enter the owner's email address and name.",
    }),
    submit: create.mutate,
  });

  return (
    <>
      <form className="form form--inline-panel" onSubmit={handleSubmit} noValidate aria-label="Create a tenant">
        {create.error && <ErrorAlert error={create.error} title="The tenant was not created" />}
        <TextField label="Organisation name" name="name" required maxLength={200} error={errors.name} />
        <TextField label="Slug" name="slug" required maxLength={50} hint="In the portal's addresses, for example “de-linde”." error={errors.slug} />
        <TextField label="Owner's email" name="email" type="email" required autoComplete="off" error={errors.email} />
        <TextField label="Owner's name" name="displayName" required maxLength={200} autoComplete="off" />
        <SubmitButton pending={create.isPending} pendingLabel="Creating…">
          Create tenant
        </SubmitButton>
      </form>
      {created?.ownerInvitationLink && (
        <OneTimeSecret
          title={`Tenant “${created.name}” created`}
          hint="No mail is sent yet: copy this link to the owner; it is shown once. They follow it to set a password and sign in."
          label="Owner's link"
          value={created.ownerInvitationLink}
          onDone={clearOutcome}
        />
      )}
      {created && !created.ownerInvitationLink && (
        <p className="muted" role="status">
          Tenant “{created.name}” created; its owner signs in with their existing account.
        </p>
      )}
    </>
  );
}
