import { createTenantRequestSchema } from "@idlife/contracts";
import { useState, type FormEvent } from "react";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { OneTimeSecret } from "../../../components/OneTimeSecret.tsx";
import { SubmitButton } from "../../../components/SubmitButton.tsx";
import { TextField } from "../../../components/TextField.tsx";
import { validateForm } from "../../../lib/forms.ts";
import { useCreateTenantMutation, type CreatedTenant } from "../api/platform-tenant-queries.ts";

type Errors = { name?: string; slug?: string; email?: string; displayName?: string };

/** A new tenant and its first owner; a new owner sets a password through a one-time link. */
export function CreateTenantForm() {
  const create = useCreateTenantMutation();
  const [errors, setErrors] = useState<Errors>({});
  const [created, setCreated] = useState<CreatedTenant | null>(null);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? "");
    const result = validateForm(createTenantRequestSchema, {
      name: text("name"),
      slug: text("slug"),
      owner: { email: text("email"), displayName: text("displayName") },
    });
    if (!result.success) {
      const owner = (result.errors as { owner?: string }).owner;
      setErrors({
        name: result.errors.name && "Enter the organisation's name (2 to 200 characters).",
        slug: result.errors.slug && "Use lower-case letters, digits and dashes, up to 50 characters.",
        email: owner && "Enter the owner's email address and name.",
      });
      return;
    }
    setErrors({});
    setCreated(null);
    create.mutate(result.data, {
      onSuccess: (tenant) => {
        form.reset();
        setCreated(tenant);
      },
    });
  }

  return (
    <>
      <form className="form form--inline-panel" onSubmit={handleSubmit} noValidate aria-label="Create a tenant">
        {create.error && <ErrorAlert error={create.error} title="The tenant was not created" />}
        <TextField label="Organisation name" name="name" required maxLength={200} error={errors.name} />
        <TextField label="Slug" name="slug" required maxLength={50} hint="In the portal's addresses, for example “de-linde”." error={errors.slug} />
        <TextField label="Owner's email" name="email" type="email" required autoComplete="off" error={errors.email} />
        <TextField label="Owner's name" name="displayName" required maxLength={200} autoComplete="off" error={errors.displayName} />
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
          onDone={() => setCreated(null)}
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
