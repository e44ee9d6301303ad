import type { NextFunction, Request, Response } from "express";

/*
 * The portal is built by Vite into files of its own: scripts and styles come from 'self', with no
 * inline <script> or <style> (React's style props go through the CSSOM, which CSP allows). Swagger
 * UI at /api/docs shows its icons as data: images. Nothing may frame either (clickjacking).
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const headers: Record<string, string> = {
  "Content-Security-Policy": contentSecurityPolicy,
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "X-Permitted-Cross-Domain-Policies": "none",
};

/**
 * Hardening headers on every response, the API's JSON included (a JSON answer opened in a tab
 * gets the same protection). HSTS only when the API is served over HTTPS.
 */
export function securityHeaders({ https }: { https: boolean }) {
  return (_request: Request, response: Response, next: NextFunction) => {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    if (https) response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  };
}
