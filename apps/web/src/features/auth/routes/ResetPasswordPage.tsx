import { passwordResetConfirmSchema } from "@idlife/contracts";
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { Alert, ErrorAlert } from "../../../components/Alert.tsx";
import { TextField } from "../../../components/TextField.tsx";
import { readTextFields, validateForm } from "../../../lib/forms.ts";
import { usePasswordResetConfirmMutation } from "../api/auth-queries.ts";
import { AuthLayout } from "../components/AuthLayout.tsx";
import type { SignInLocationState } from "./SignInPage.tsx";

export function ResetPasswordPage() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get("token") ?? "";
  const navigate = useNavigate();
  const confirmReset = usePasswordResetConfirmMutation();
  const [errors, setErrors] = useState<{ password?: string; repeat?: string }>({});

  const backToSignIn = (
    <p>
      <Link to="/sign-in">Back to sign in</Link>
    </p>
  );

  if (!token) {
    return (
      <AuthLayout title="Choose a new password" footer={backToSignIn}>
        <Alert tone="error">
          This link is incomplete. Open the link from the email again, or{" "}
          <Link to="/forgot-password">ask for a new one</Link>.
        </Alert>
      </AuthLayout>
    );
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { password, repeat } = readTextFields(event.currentTarget, ["password", "repeat"]);
    const result = validateForm(passwordResetConfirmSchema, { token, password });
    const nextErrors = {
      password: result.success ? undefined : (result.errors.password ?? result.errors.token),
      repeat: password && repeat !== password ? "The two passwords are not the same." : undefined,
    };
    setErrors(nextErrors);
    if (!result.success || nextErrors.repeat) return;
    confirmReset.mutate(result.data, {
      onSuccess: () => {
        const state: SignInLocationState = { notice: "password-changed" };
        void navigate("/sign-in", { replace: true, state });
      },
    });
  }

  return (
    <AuthLayout title="Choose a new password" description="Use at least 12 characters." footer={backToSignIn}>
      {confirmReset.error && <ErrorAlert error={confirmReset.error} />}
      <form className="form" onSubmit={handleSubmit} noValidate>
        <TextField
          label="New password"
          name="password"
          type="password"
          autoComplete="new-password"
          autoFocus
          required
          error={errors.password}
        />
        <TextField
          label="Repeat new password"
          name="repeat"
          type="password"
          autoComplete="new-password"
          required
          error={errors.repeat}
        />
        <button type="submit" className="button button--primary button--block" disabled={confirmReset.isPending}>
          {confirmReset.isPending ? "Saving…" : "Save new password"}
        </button>
      </form>
    </AuthLayout>
  );
}
