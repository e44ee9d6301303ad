import { passwordResetRequestSchema } from "@idlife/contracts";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { Alert, ErrorAlert } from "../../../components/Alert.tsx";
import { TextField } from "../../../components/TextField.tsx";
import { readTextFields, validateForm } from "../../../lib/forms.ts";
import { usePasswordResetRequestMutation } from "../api/auth-queries.ts";
import { AuthLayout } from "../components/AuthLayout.tsx";

export function ForgotPasswordPage() {
  const requestReset = usePasswordResetRequestMutation();
  const [emailError, setEmailError] = useState<string>();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validateForm(passwordResetRequestSchema, readTextFields(event.currentTarget, ["email"]));
    if (!result.success) {
      setEmailError("Enter your email address, like name@example.com.");
      return;
    }
    setEmailError(undefined);
    requestReset.mutate(result.data);
  }

  const backToSignIn = (
    <p>
      <Link to="/sign-in">Back to sign in</Link>
    </p>
  );

  if (requestReset.isSuccess) {
    return (
      <AuthLayout title="Check your email" footer={backToSignIn}>
        <Alert tone="success">
          If an account exists for <strong>{requestReset.variables.email}</strong>, we have sent it a link to choose a
          new password. The link works for a limited time.
        </Alert>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Reset your password"
      description="Enter the email address you sign in with and we will send you a link to choose a new password."
      footer={backToSignIn}
    >
      {requestReset.error && <ErrorAlert error={requestReset.error} />}
      <form className="form" onSubmit={handleSubmit} noValidate>
        <TextField label="Email" name="email" type="email" autoComplete="username" autoFocus required error={emailError} />
        <button type="submit" className="button button--primary button--block" disabled={requestReset.isPending}>
          {requestReset.isPending ? "Sending…" : "Send reset link"}
        </button>
      </form>
    </AuthLayout>
  );
}
