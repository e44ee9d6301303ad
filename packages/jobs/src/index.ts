export * from "./queues.ts";
export * from "./queue-settings.ts";
export * from "./catalog.ts";
export * from "./connection.ts";
export * from "./producer.ts";
export * from "./infrastructure.ts";
