export * from "./condition.ts";
export * from "./condition-fields.ts";
export * from "./check-condition.ts";
export * from "./evaluate-condition.ts";
export * from "./explain-condition.ts";
export { patternProblem } from "./safe-pattern.ts";
