export * from "./business-rule.ts";
export * from "./lifecycle-window.ts";
export * from "./desired-entitlements.ts";
export * from "./evaluation-diff.ts";
export * from "./permission-name.ts";
export * from "./thresholds.ts";
