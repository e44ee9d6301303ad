export * from "./http-json-settings.ts";
export { fetchHttpJsonSource } from "./fetch-http-json-source.ts";
