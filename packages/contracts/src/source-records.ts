import { z } from "zod";

/** Records one push may carry; more belong in an import. */
export const MAX_PUSHED_RECORDS = 1_000;
/** The largest one pushed person may be, with its contracts, as JSON. */
export const MAX_PUSHED_RECORD_BYTES = 64 * 1024;
const MAX_CONTRACTS = 200;

/**
 * Whether a source system takes records pushed to it (settings.push). The records are keyed like
 * the source's imports: by the path the mapping copies the person's ExternalId from, else the
 * connector's person key (CSV: persons.personKey), else "ExternalId".
 */
export const pushSettingsSchema = z.strictObject({ enabled: z.boolean().default(false) });
export type PushSettings = z.output<typeof pushSettingsSchema>;

/** One raw person as an import stores it: its fields as delivered, with its contracts in Contracts. */
export const pushedPersonSchema = z
  .record(z.string().min(1).max(500), z.unknown())
  .superRefine((record, context) => {
    const size = new TextEncoder().encode(JSON.stringify(record)).length;
    if (size > MAX_PUSHED_RECORD_BYTES) context.addIssue({ code: "custom", message: `the record takes ${size} bytes as JSON; at most ${MAX_PUSHED_RECORD_BYTES} are allowed` });
    if (!Object.hasOwn(record, "Contracts")) return;
    const contracts = record.Contracts;
    if (!Array.isArray(contracts) || contracts.some((contract) => typeof contract !== "object" || contract === null || Array.isArray(contract))) {
      context.addIssue({ code: "custom", path: ["Contracts"], message: "Contracts must be a list of objects, one per contract" });
    } else if (contracts.length > MAX_CONTRACTS) {
      context.addIssue({ code: "custom", path: ["Contracts"], message: `at most ${MAX_CONTRACTS} contracts per person` });
    }
  });

export const pushRecordsRequestSchema = z
  .strictObject({
    /** Persons that are new or changed, each as the source delivers it; other persons of the source stay as they are. */
    records: z.array(pushedPersonSchema).max(MAX_PUSHED_RECORDS, { error: `at most ${MAX_PUSHED_RECORDS} records per push; send the rest in further pushes` }).default([]),
    /** Keys of persons this source no longer delivers. */
    removed: z.array(z.string().min(1).max(500)).max(MAX_PUSHED_RECORDS, { error: `at most ${MAX_PUSHED_RECORDS} removed keys per push` }).default([]),
  })
  .refine((body) => body.records.length + body.removed.length > 0, { error: "send at least one record or one removed key" });
export type PushRecordsRequest = z.input<typeof pushRecordsRequestSchema>;
