import { uploadRoleSchema } from "@idlife/contracts";
import { z } from "zod";

/*
 * Answers the API declares inside its controllers instead of in @idlife/contracts, copied here
 * verbatim so the portal can validate them. Each belongs in packages/contracts (reported); when it
 * moves there, import it from "@idlife/contracts" and delete it here.
 *
 * - apps/api/src/modules/source-systems/source-systems.controller.ts: uploadResponseSchema
 * - apps/api/src/modules/source-systems/imports.controller.ts: rawPageSchema, blockedPersonSchema
 * - apps/api/src/modules/source-systems/mapping-preview.controller.ts: check-script
 */

export const uploadResponseSchema = z.object({
  id: z.uuid(),
  role: uploadRoleSchema,
  fileName: z.string(),
  sizeBytes: z.number(),
  createdAt: z.iso.datetime(),
});

export const rawPageSchema = z.object({
  importId: z.uuid().nullable(),
  total: z.number(),
  items: z.array(z.object({ sourceKey: z.string(), kind: z.string(), data: z.unknown() })),
  hiddenFields: z.array(z.string()).default([]),
  personalFieldsNotFollowed: z.array(z.string()).default([]),
});

export const blockedPersonSchema = z.object({ externalId: z.string(), reasons: z.array(z.string()) });

export const checkScriptResponseSchema = z.union([
  z.object({ ok: z.literal(true), warning: z.string().optional() }),
  z.object({ ok: z.literal(false), message: z.string(), line: z.number().optional() }),
]);

/*
 * importSchema types `progress` as a record of unknowns and `thresholdReport` as unknown; their
 * shapes are decided in apps/worker/src/imports/run-import.ts. The portal reads them leniently
 * (every part optional) so an older or newer worker never breaks the page.
 */
export const importProgressSchema = z.object({
  phase: z.string().optional(),
  detail: z.string().optional(),
  records: z.number().optional(),
  done: z.number().optional(),
  total: z.number().optional(),
});

const sampleSchema = z.object({ count: z.number(), sample: z.array(z.string()).default([]) });

export const thresholdReportSchema = z.object({
  approved: z.boolean().optional(),
  reasons: z
    .array(
      z.object({
        kind: z.string(),
        limitType: z.string().optional(),
        actual: z.number().optional(),
        actualPercent: z.number().nullable().optional(),
        limit: z.number().optional(),
        message: z.string(),
      }),
    )
    .default([]),
  wouldAdd: sampleSchema.optional(),
  wouldRemove: sampleSchema.optional(),
  wouldChange: sampleSchema.optional(),
  blocked: z
    .object({
      count: z.number(),
      sample: z.array(z.object({ sourceKey: z.string(), reasons: z.array(z.string()).default([]) })).default([]),
    })
    .optional(),
});
