import { Logger } from "@nestjs/common";
import { loadApiConfig } from "./config/api-config.ts";
import { createApiApp } from "./create-app.ts";

const config = loadApiConfig();
const app = await createApiApp(config);
await app.listen(config.PORT, config.HOST);
new Logger("API").log(`Listening on ${config.publicUrl} (API at /api/v1, docs at /api/docs)`);
