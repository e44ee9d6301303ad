// The names live in @idlife/contracts (the API's job route validates them); NEVER rename a queue.
export { QUEUE_NAMES, type QueueName } from "@idlife/contracts";
