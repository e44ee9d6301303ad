export * from "./decide-persons.ts";
