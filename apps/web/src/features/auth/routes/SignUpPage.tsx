import { signUpRequestSchema, type SignUpRequest } from "@idlife/contracts";
import { useState, type FormEvent } from "react";
import { Link, Navigate } from "react-router";
import { Alert, ErrorAlert } from "../../../components/Alert.tsx";
import { FullPageLoading } from "../../../components/LoadingState.tsx";
import { TextField } from "../../../components/TextField.tsx";
import { emptyToUndefined, readTextFields, validateForm, type FieldErrors } from "../../../lib/forms.ts";
import { homePath } from "../../tenants/tenant-paths.ts";
import { useAuthConfigQuery, useCurrentUserQuery, useSignUpMutation } from "../api/auth-queries.ts";
import { AuthLayout } from "../components/AuthLayout.tsx";

const fields = ["displayName", "email", "tenantName", "tenantSlug"] as const;

export function SignUpPage() {
  const currentUser = useCurrentUserQuery();
  const config = useAuthConfigQuery();
  const signUp = useSignUpMutation();
  const [errors, setErrors] = useState<FieldErrors<SignUpRequest>>({});

  if (currentUser.data) return <Navigate to={homePath(currentUser.data)} replace />;
  if (currentUser.isPending || config.isPending) return <FullPageLoading />;

  const footer = (
    <p>
      Already have an account? <Link to="/sign-in">Sign in</Link>
    </p>
  );

  if (!config.data?.selfServiceSignUp) {
    return (
      <AuthLayout title="Create an account" footer={footer}>
        {config.error ? (
          <ErrorAlert error={config.error} />
        ) : (
          <Alert tone="info">
            Signing up is not open on this installation. Ask an administrator of your organisation to add you.
          </Alert>
        )}
      </AuthLayout>
    );
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = readTextFields(event.currentTarget, fields);
    const result = validateForm(signUpRequestSchema, { ...values, tenantSlug: emptyToUndefined(values.tenantSlug) });
    if (!result.success) {
      // The contract's own message is kept where it is written for people (slug).
      setErrors({
        displayName: result.errors.displayName && "Enter your name.",
        email: result.errors.email && "Enter your email address, like name@example.com.",
        tenantName: result.errors.tenantName && "Enter your organisation’s name, at least 2 characters.",
        tenantSlug: result.errors.tenantSlug,
      });
      return;
    }
    setErrors({});
    signUp.mutate(result.data);
  }

  // The same answer whether or not the address already has an account: the mail tells them apart.
  if (signUp.isSuccess) {
    return (
      <AuthLayout title="Check your email" footer={footer}>
        <Alert tone="success">{signUp.data.message}</Alert>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Create an account"
      description="Set up your organisation in idlife. You become its owner; we mail you a link to choose your password."
      footer={footer}
    >
      {signUp.error && <ErrorAlert error={signUp.error} />}
      <form className="form" onSubmit={handleSubmit} noValidate>
        <TextField label="Your name" name="displayName" autoComplete="name" autoFocus required error={errors.displayName} />
        <TextField label="Work email" name="email" type="email" autoComplete="username" required error={errors.email} />
        <TextField label="Organisation name" name="tenantName" autoComplete="organization" required error={errors.tenantName} />
        <TextField
          label="Short name (optional)"
          name="tenantSlug"
          autoComplete="off"
          spellCheck={false}
          hint="Lower-case letters, digits and dashes, used in addresses. Leave empty to derive it from the organisation name."
          error={errors.tenantSlug}
        />
        <button type="submit" className="button button--primary button--block" disabled={signUp.isPending}>
          {signUp.isPending ? "Creating account…" : "Create account"}
        </button>
      </form>
    </AuthLayout>
  );
}
