import { z } from "zod";

/*
 * The answer of GET /persons/{id}/raw is declared inside the API controller
 * (apps/api/src/modules/persons/persons.controller.ts) rather than in @idlife/contracts; copied
 * verbatim until it moves there (reported), then import it from "@idlife/contracts".
 */
export const personRawRecordSchema = z.object({
  sourceSystemId: z.string(),
  sourceKey: z.string(),
  importId: z.string(),
  data: z.unknown(),
});
