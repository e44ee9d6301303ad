export { startTestApi, TEST_PASSWORD, type TestApi } from "./test-api.ts";
export { TestClient } from "./http-client.ts";
export { startTestStack } from "./test-stack.ts";
export { newDirectoryOu, slapdDirectorySettings, withDirectory } from "./target-directory.ts";
