import { fileURLToPath } from "node:url";
import { DEMO, seedDemo } from "../../scripts/seed-demo.ts";
import { startTestApi } from "./test-api.ts";

/** The API serving the built portal at /, on a fresh database seeded like the quick start. */
export async function startTestStack() {
  const webDistDir = fileURLToPath(new URL("../../../web/dist", import.meta.url));
  const api = await startTestApi({ WEB_DIST_DIR: webDistDir });
  await seedDemo(api.ownerPrisma);
  return {
    baseUrl: api.baseUrl,
    api,
    seed: { ownerEmail: DEMO.ownerEmail, ownerPassword: DEMO.ownerPassword, tenantSlug: DEMO.tenantSlug, tenantName: DEMO.tenantName },
    close: () => api.close(),
  };
}
