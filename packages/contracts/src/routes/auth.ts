import {
  authConfigSchema,
  currentUserSchema,
  passwordResetConfirmSchema,
  passwordResetRequestSchema,
  signInRequestSchema,
  signUpRequestSchema,
  signUpResponseSchema,
} from "../auth.ts";
import { defineRoute, defineRoutes } from "./define-route.ts";

export const authRoutes = defineRoutes(["Authentication"], {
  configuration: defineRoute({
    method: "GET", path: "/auth/config",
    summary: "What the sign-in page may offer",
    response: authConfigSchema,
  }),
  signIn: defineRoute({
    method: "POST", path: "/auth/sign-in",
    summary: "Sign in with email and password; sets the session cookie",
    body: signInRequestSchema,
    response: currentUserSchema,
  }),
  signOut: defineRoute({
    method: "POST", path: "/auth/sign-out",
    summary: "End the current session",
  }),
  me: defineRoute({
    method: "GET", path: "/auth/me",
    summary: "The signed-in person and their tenants",
    response: currentUserSchema,
  }),
  signUp: defineRoute({
    method: "POST", path: "/auth/sign-up",
    summary: "Create a tenant (when self-service sign-up is on); its owner continues through the link mailed to the address. The answer is the same whether or not the address has an account.",
    body: signUpRequestSchema,
    response: signUpResponseSchema,
  }),
  requestReset: defineRoute({
    method: "POST", path: "/auth/password-reset/request",
    summary: "Send a password-reset link (always answers 202)",
    body: passwordResetRequestSchema,
  }),
  confirmReset: defineRoute({
    method: "POST", path: "/auth/password-reset/confirm",
    summary: "Set a new password with a reset token",
    body: passwordResetConfirmSchema,
  }),
});
