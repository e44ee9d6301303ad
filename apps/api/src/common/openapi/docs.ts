import { createRequire } from "node:module";
import { dirname } from "node:path";
import express, { type Express } from "express";

const require = createRequire(import.meta.url);

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>idlife API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="docs"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

const init = `window.ui = SwaggerUIBundle({ url: "/api/docs/openapi.json", dom_id: "#docs", deepLinking: true });`;

/** Serves the OpenAPI document as JSON and as a browsable page (Swagger UI, from the package, no CDN). */
export function mountApiDocs(server: Express, document: () => unknown) {
  const assets = dirname(require.resolve("swagger-ui-dist/package.json"));
  let cached: unknown;
  server.get("/api/docs/openapi.json", (_request, response) => {
    cached ??= document();
    response.json(cached);
  });
  server.get("/api/docs/init.js", (_request, response) => response.type("application/javascript").send(init));
  server.use("/api/docs/assets", express.static(assets, { index: false }));
  server.get(["/api/docs", "/api/docs/"], (_request, response) => response.type("html").send(page));
}
