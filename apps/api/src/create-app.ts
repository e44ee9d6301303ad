import "reflect-metadata";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { NestFactory } from "@nestjs/core";
import type { NestExpressApplication } from "@nestjs/platform-express";
import cookieParser from "cookie-parser";
import express, { type NextFunction, type Request, type Response } from "express";
import { runWithContext } from "@idlife/db";
import { AppModule } from "./app.module.ts";
import { jsonBodyParser, rawBodyParser } from "./common/http/body-parser.ts";
import { mountApiDocs } from "./common/openapi/docs.ts";
import { buildOpenApiDocument } from "./common/openapi/openapi-document.ts";
import type { ApiConfig } from "./config/api-config.ts";

/** Builds the HTTP application (not yet listening): used by main.ts and by the tests. */
export async function createApiApp(config: ApiConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config), {
    bodyParser: false,
    logger: config.NODE_ENV === "test" ? ["error", "warn"] : ["log", "error", "warn"],
  });
  app.setGlobalPrefix("api/v1");
  app.enableShutdownHooks();
  app.set("trust proxy", "loopback");
  app.disable("x-powered-by");
  app.use((request: Request, _response: Response, next: NextFunction) =>
    runWithContext({ ipAddress: request.ip ?? null }, next),
  );
  app.use(cookieParser());
  // File uploads (PUT .../uploads/:role) take the bytes as sent, up to their own larger limit.
  app.use(/^\/api\/v1\/source-systems\/[^/]+\/uploads\/[^/]+$/, rawBodyParser(config.UPLOAD_LIMIT_BYTES));
  app.use(jsonBodyParser(config.BODY_LIMIT_BYTES));
  app.use((_request: Request, response: Response, next: NextFunction) => {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    next();
  });

  const server = app.getHttpAdapter().getInstance() as express.Express;
  mountApiDocs(server, () => buildOpenApiDocument(app));
  if (config.webDistDir && existsSync(join(config.webDistDir, "index.html"))) {
    serveWebPortal(server, config.webDistDir);
  }
  await app.init();
  return app;
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
