import "reflect-metadata";
import { existsSync } from "node:fs";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { join } from "node:path";
import { NestFactory } from "@nestjs/core";
import type { NestExpressApplication } from "@nestjs/platform-express";
import cookieParser from "cookie-parser";
import express, { type NextFunction, type Request, type Response } from "express";
import { runWithContext } from "@idlife/db";
import { AppModule } from "./app.module.ts";
import { apiErrorHandler, apiNotFound, methodNotAllowed } from "./common/http/api-fallbacks.ts";
import { jsonBodyParser } from "./common/http/body-parser.ts";
import { securityHeaders } from "./common/http/security-headers.ts";
import { mountApiDocs } from "./common/openapi/docs.ts";
import { buildOpenApiDocument } from "./common/openapi/openapi-document.ts";
import type { ApiConfig } from "./config/api-config.ts";

// File uploads (PUT .../uploads/:role): no parser reads them; the route reads the bytes itself,
// after its access checks, so a stranger cannot make the API hold a file (see readBodyWithin).
const UPLOAD_PATH = /^\/api\/v1\/source-systems\/[^/]+\/uploads\/[^/]+\/?$/;

/** Builds the HTTP application (not yet listening): used by main.ts and by the tests. */
export async function createApiApp(config: ApiConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config), {
    bodyParser: false,
    logger: config.NODE_ENV === "test" ? ["error", "warn"] : ["log", "error", "warn"],
  });
  app.setGlobalPrefix("api/v1");
  awaitUploadAccessBeforeContinue(app.getHttpServer() as Server);
  app.enableShutdownHooks();
  // Only configured proxies may name the client's address; by default nobody can.
  app.set("trust proxy", config.TRUST_PROXY);
  app.disable("x-powered-by");
  app.use(securityHeaders({ https: config.publicUrl.startsWith("https:") }));
  app.use((request: Request, _response: Response, next: NextFunction) =>
    runWithContext({ ipAddress: request.ip ?? null }, next),
  );
  app.use(cookieParser());
  app.use(jsonBodyParser(config.BODY_LIMIT_BYTES, UPLOAD_PATH));
  app.use(methodNotAllowed(app));

  const server = app.getHttpAdapter().getInstance() as express.Express;
  mountApiDocs(server, () => buildOpenApiDocument(app));
  if (config.webDistDir && existsSync(join(config.webDistDir, "index.html"))) {
    serveWebPortal(server, config.webDistDir);
  }
  await app.init();
  // After Nest's routes and its /api/v1 fallback: the rest of /api/* answers in the error shape too.
  server.use("/api", apiNotFound);
  server.use("/api", apiErrorHandler);
  return app;
}

/**
 * "Expect: 100-continue" (curl -T sends it for large files): the sender of an upload waits for the
 * go-ahead until the route has checked access (readBodyWithin gives it), so a refused upload is not
 * even sent. Every other request gets the go-ahead at once, as Node would give it.
 */
function awaitUploadAccessBeforeContinue(server: Server) {
  server.on("checkContinue", (request: IncomingMessage, response: ServerResponse) => {
    if (!UPLOAD_PATH.test((request.url ?? "/").split("?")[0]!)) response.writeContinue();
    server.emit("request", request, response);
  });
}

/** The built portal at /, with client-side routes falling back to index.html. */
function serveWebPortal(server: express.Express, directory: string) {
  server.use(express.static(directory, { index: false, maxAge: "1h" }));
  server.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== "GET" || request.path.startsWith("/api/")) return next();
    response.setHeader("Cache-Control", "no-cache");
    response.sendFile(join(directory, "index.html"));
  });
}
