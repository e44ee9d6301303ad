export * from "./types.ts";
export { ConnectorError, isConnectorError, type ConnectorErrorCode, type ConnectorErrorLocation } from "./connector-error.ts";
export * from "./connector-catalogue.ts";
export { separateSecrets, mergeSecrets } from "./secret-fields.ts";
export { httpAuthSchema, type HttpAuth } from "./http/http-auth.ts";
export { redactUrl } from "./http/redact-url.ts";
export * from "./csv/index.ts";
export * from "./http-json/index.ts";
export * from "./mapping/map-raw-persons.ts";
