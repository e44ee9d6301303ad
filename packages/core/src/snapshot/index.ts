export * from "./decide-persons.ts";
export * from "./aggregate-sources.ts";
