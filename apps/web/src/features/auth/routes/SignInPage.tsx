import { signInRequestSchema } from "@idlife/contracts";
import { useState, type FormEvent } from "react";
import { Link, Navigate, useLocation } from "react-router";
import { Alert, ErrorAlert } from "../../../components/Alert.tsx";
import { FullPageLoading } from "../../../components/LoadingState.tsx";
import { TextField } from "../../../components/TextField.tsx";
import { readTextFields, validateForm, type FieldErrors } from "../../../lib/forms.ts";
import { postSignInPath } from "../../tenants/tenant-paths.ts";
import { useAuthConfigQuery, useCurrentUserQuery, useSignInMutation } from "../api/auth-queries.ts";
import { AuthLayout } from "../components/AuthLayout.tsx";

export interface SignInLocationState {
  from?: string;
  notice?: "password-changed";
}

export function SignInPage() {
  const location = useLocation();
  const state = (location.state ?? {}) as SignInLocationState;
  const currentUser = useCurrentUserQuery();
  const config = useAuthConfigQuery();
  const signIn = useSignInMutation();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<{ email: string; password: string }>>({});

  // Signing in fills the current user, which lands here and moves on.
  if (currentUser.data) return <Navigate to={postSignInPath(currentUser.data, state.from)} replace />;
  if (currentUser.isPending) return <FullPageLoading />;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validateForm(signInRequestSchema, readTextFields(event.currentTarget, ["email", "password"]));
    if (!result.success) {
      setFieldErrors({
        email: result.errors.email && "Enter your email address, like name@example.com.",
        password: result.errors.password && "Enter your password.",
      });
      return;
    }
    setFieldErrors({});
    signIn.mutate(result.data);
  }

  return (
    <AuthLayout
      title="Sign in"
      description="Manage identities, accounts and access for your organisation."
      footer={
        config.data?.selfServiceSignUp && (
          <p>
            New to idlife? <Link to="/sign-up">Create an account</Link>
          </p>
        )
      }
    >
      {state.notice === "password-changed" && !signIn.error && (
        <Alert tone="success">Your password has been changed. Sign in with your new password.</Alert>
      )}
      {signIn.error && <ErrorAlert error={signIn.error} />}
      <form className="form" onSubmit={handleSubmit} noValidate>
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          autoFocus
          required
          error={fieldErrors.email}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={fieldErrors.password}
          labelAside={
            <Link className="field__aside-link" to="/forgot-password">
              Forgot password?
            </Link>
          }
        />
        <button type="submit" className="button button--primary button--block" disabled={signIn.isPending}>
          {signIn.isPending ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </AuthLayout>
  );
}
