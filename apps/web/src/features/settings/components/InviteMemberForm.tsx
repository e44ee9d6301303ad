import { addMemberRequestSchema, memberRoleSchema } from "@idlife/contracts";
import { ErrorAlert } from "../../../components/Alert.tsx";
import { OneTimeSecret } from "../../../components/OneTimeSecret.tsx";
import { Options } from "../../../components/Options.tsx";
import { SelectField } from "../../../components/SelectField.tsx";
import { SubmitButton } from "../../../components/SubmitButton.tsx";
import { TextField } from "../../../components/TextField.tsx";
import { useCheckedForm } from "../../../lib/use-checked-form.ts";
import { useInviteMemberMutation } from "../../tenants/api/member-queries.ts";
import { roleDescriptions, roleLabels } from "../../tenants/roles.ts";

/** Invites a colleague by email; they become a member when they accept. */
export function InviteMemberForm({ tenantId }: { tenantId: string }) {
  const invite = useInviteMemberMutation(tenantId);
  const { errors, handleSubmit, outcome: sent, clearOutcome } = useCheckedForm({
    schema: addMemberRequestSchema,
    read: (data) => ({ email: String(data.get("email") ?? ""), displayName: String(data.get("displayName") ?? ""), role: String(data.get("role") ?? "") }),
    messages: (invalid) => ({ email: invalid.email && "Enter the colleague's work email address.", displayName: invalid.displayName && "Enter their name, up to 200 characters." }),
    submit: invite.mutate,
  });

  return (
    <>
      <form className="form form--inline-panel" onSubmit={handleSubmit} noValidate aria-label="Invite a colleague">
        {invite.error && <ErrorAlert error={invite.error} title="The invitation was not sent" />}
        <TextField label="Email" name="email" type="email" autoComplete="off" required error={errors.email} />
        <TextField label="Name" name="displayName" autoComplete="off" required maxLength={200} hint="Used only when they have no account yet." error={errors.displayName} />
        <SelectField label="Role" name="role" defaultValue="operator" hint="Only an owner can invite another owner.">
          <Options choices={memberRoleSchema.options.map((role) => ({ value: role, label: roleLabels[role], title: roleDescriptions[role] }))} />
        </SelectField>
        <SubmitButton pending={invite.isPending} pendingLabel="Inviting…">
          Invite
        </SubmitButton>
      </form>
      {sent &&
        (sent.invitationLink ? (
          <OneTimeSecret
            title={`Invitation for ${sent.email} created`}
            hint="No mail is sent yet: copy this link to the person; it is shown once. They follow it to sign in (or set a password) and accept the invitation."
            label="Invitation link"
            value={sent.invitationLink}
            onDone={clearOutcome}
          />
        ) : (
          <p className="muted" role="status">
            Invitation for {sent.email} created. They accept it after signing in.
          </p>
        ))}
    </>
  );
}
