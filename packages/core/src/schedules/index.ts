export * from "./allowed-hours.ts";
export * from "./decide-scheduled-run.ts";
export * from "./import-schedule.ts";
export * from "./jitter.ts";
export * from "./wall-clock.ts";
