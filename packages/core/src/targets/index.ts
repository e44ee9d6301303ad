export * from "./account-values.ts";
export * from "./field-mapping.ts";
export * from "./mapping-subject.ts";
export * from "./password-generator.ts";
export * from "./system-order.ts";
export * from "./unique-values.ts";
