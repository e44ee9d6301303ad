import {
  authConfigSchema,
  currentUserSchema,
  passwordResetConfirmSchema,
  passwordResetRequestSchema,
  signInRequestSchema,
  signUpRequestSchema,
  signUpResponseSchema,
} from "../auth.ts";
import { defineRoutes, route } from "./define-route.ts";

export const authRoutes = defineRoutes(["Authentication"], {
  configuration: route.get("/auth/config", "What the sign-in page may offer", { response: authConfigSchema }),
  signIn: route.post("/auth/sign-in", "Sign in with email and password; sets the session cookie", { body: signInRequestSchema, response: currentUserSchema }),
  signOut: route.post("/auth/sign-out", "End the current session"),
  me: route.get("/auth/me", "The signed-in person and their tenants", { response: currentUserSchema }),
  signUp: route.post("/auth/sign-up", "Create a tenant (when self-service sign-up is on); its owner continues through the link mailed to the address. The answer is the same whether or not the address has an account.", { body: signUpRequestSchema, response: signUpResponseSchema }),
  requestReset: route.post("/auth/password-reset/request", "Send a password-reset link (always answers 202)", { body: passwordResetRequestSchema }),
  confirmReset: route.post("/auth/password-reset/confirm", "Set a new password with a reset token", { body: passwordResetConfirmSchema }),
});
