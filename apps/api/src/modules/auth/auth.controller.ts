import { Controller, Inject, Logger, Req, Res } from "@nestjs/common";
import type { Request, Response } from "express";
import { z } from "zod";
import { type Prisma } from "@idlife/db";
import { slugify } from "@idlife/core";
import {
  authRoutes,
  passwordResetConfirmSchema,
  passwordResetRequestSchema,
  signInRequestSchema,
  signUpRequestSchema,
} from "@idlife/contracts";
import { ApiError } from "../../common/http/api-error.ts";
import { Endpoint, publicAccess, signedIn } from "../../common/http/endpoint.decorator.ts";
import { ValidBody } from "../../common/http/validated.ts";
import type { AuthenticatedRequest } from "../../common/auth/access.guard.ts";
import { API_CONFIG, PRISMA } from "../../infrastructure/tokens.ts";
import { RateLimits } from "../../infrastructure/rate-limits.ts";
import type { ApiConfig } from "../../config/api-config.ts";
import { requireUser } from "./authenticate.ts";
import { confirmPasswordReset, requestPasswordReset } from "./password-reset.ts";
import { deleteSession, SESSION_COOKIE } from "./sessions.ts";
import { signIn } from "./sign-in.ts";
import { loadCurrentUser, recordForUserTenants } from "./user-audit.ts";
import { createTenant } from "@idlife/use-cases";

@Controller()
export class AuthController {
  private readonly logger = new Logger("Auth");

  constructor(
    @Inject(PRISMA) private readonly prisma: Prisma,
    @Inject(RateLimits) private readonly rateLimits: RateLimits,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Endpoint({ route: authRoutes.configuration, access: publicAccess })
  configuration() {
    return { selfServiceSignUp: this.config.selfServiceSignUp };
  }

  @Endpoint({ route: authRoutes.signIn, status: 200, access: publicAccess })
  async signIn(@ValidBody() body: z.infer<typeof signInRequestSchema>, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const session = await signIn({ prisma: this.prisma, rateLimits: this.rateLimits, config: this.config }, body.email, body.password, {
      ipAddress: request.ip ?? "unknown",
      userAgent: request.headers["user-agent"],
    });
    this.setSessionCookie(response, session.token, session.expiresAt);
    return loadCurrentUser(this.prisma, session.userId);
  }

  @Endpoint({ route: authRoutes.signOut, status: 204, access: signedIn })
  async signOut(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: Response) {
    const user = requireUser(request.caller);
    await deleteSession(this.prisma, user.sessionId);
    await recordForUserTenants(this.prisma, user.userId, { type: "user", id: user.userId, label: user.email, isPlatformAdmin: user.isPlatformAdmin }, { action: "auth.sign_out" });
    response.clearCookie(SESSION_COOKIE, { path: "/" });
  }

  @Endpoint({ route: authRoutes.me, access: signedIn })
  async me(@Req() request: AuthenticatedRequest) {
    return loadCurrentUser(this.prisma, requireUser(request.caller).userId);
  }

  @Endpoint({ route: authRoutes.signUp, status: 202, access: publicAccess })
  async signUp(@ValidBody() body: z.infer<typeof signUpRequestSchema>, @Req() request: Request) {
    if (!this.config.selfServiceSignUp) throw new ApiError(403, "sign_up_disabled", "Self-service sign-up is switched off; ask a platform administrator.");
    await this.rateLimits.consumeSignUp(request.ip ?? "unknown");
    const { tenant, invitation } = await createTenant({ prisma: this.prisma }, {
      name: body.tenantName,
      slug: body.tenantSlug ?? slugify(body.tenantName),
      owner: { email: body.email, displayName: body.displayName },
      origin: "sign-up",
    });
    // Mail delivery arrives with notifications; until then development shows the next step in the log.
    if (!this.config.production) {
      const next = invitation ? `set a password at ${this.config.publicUrl}/reset-password?token=${invitation}` : `sign in at ${this.config.publicUrl}/sign-in`;
      this.logger.log(`Sign-up of ${tenant.slug} for ${body.email}: ${next}, then open the tenant (or accept the invitation to own it).`);
    }
    return {
      accepted: true as const,
      message: `Check your mail: we sent ${body.email} a link to continue. If the address already has an account, sign in and accept the invitation to own the new tenant.`,
    };
  }

  @Endpoint({ route: authRoutes.requestReset, status: 202, access: publicAccess })
  async requestReset(@ValidBody() body: z.infer<typeof passwordResetRequestSchema>, @Req() request: Request) {
    await this.rateLimits.consumePasswordResetRequest(request.ip ?? "unknown", body.email);
    // Not awaited: the answer must take as long for an unknown address as for a known one.
    void requestPasswordReset(this.prisma, body.email, this.config.PASSWORD_RESET_TTL_MINUTES).then(
      (reset) => {
        // Mail delivery arrives with notifications; until then development shows the link in the log.
        if (reset && !this.config.production) {
          this.logger.log(`Password reset link for ${body.email}: ${this.config.publicUrl}/reset-password?token=${reset.token}`);
        }
      },
      (error: unknown) => this.logger.error(`Password reset request failed: ${(error as Error).message}`),
    );
    return { accepted: true };
  }

  @Endpoint({ route: authRoutes.confirmReset, status: 204, access: publicAccess })
  async confirmReset(@ValidBody() body: z.infer<typeof passwordResetConfirmSchema>) {
    await confirmPasswordReset(this.prisma, body.token, body.password);
  }

  private setSessionCookie(response: Response, token: string, _expiresAt: Date) {
    response.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: "strict",
      secure: this.config.cookieSecure,
      path: "/",
      // A browser-session cookie: the server-side session (sliding expiry) decides how long it lives.
    });
  }
}
