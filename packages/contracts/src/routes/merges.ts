import { z } from "zod";
import { defineRoutes, route } from "./define-route.ts";

const listQuerySchema = z.strictObject({ status: z.enum(["open", "accepted", "rejected"]).default("open") });
const personRef = z.object({ id: z.uuid(), externalId: z.string(), displayName: z.string() });
const suggestionSchema = z.object({
  id: z.uuid(),
  status: z.enum(["open", "accepted", "rejected"]),
  score: z.number(),
  person: personRef.nullable(),
  candidate: personRef.nullable(),
  sourceSystemId: z.string(),
  sourceKey: z.string(),
  createdAt: z.iso.datetime(),
});
const mergeBodySchema = z.strictObject({ intoPersonId: z.uuid() });
const unmergeBodySchema = z.strictObject({ sourceSystemId: z.uuid(), sourceKey: z.string().min(1).max(200) });

/** Accepting and rejecting a suggestion answer with its new status. */
const decisionResponseSchema = suggestionSchema.pick({ id: true, status: true });
/** Merging and unmerging both move source records and answer with the person they end at. */
const movedResponseSchema = z.object({ personId: z.uuid() });

export const mergeRoutes = defineRoutes(["Aggregation"], {
  list: route.get("/merge-suggestions", "Possible duplicates (one human in two systems) waiting for a decision", { query: listQuerySchema, response: z.array(suggestionSchema) }),
  accept: route.post("/merge-suggestions/:id/accept", "Accept: the held-back person joins the suggested person", { response: decisionResponseSchema }),
  reject: route.post("/merge-suggestions/:id/reject", "Reject: they are different people; the held-back person is processed on its own", { response: decisionResponseSchema }),
  merge: route.post("/persons/:id/merge", "Merge this person into another: every source record moves to that person", { body: mergeBodySchema, response: movedResponseSchema }),
  unmerge: route.post("/persons/:id/unmerge", "Split one source record off this person; it becomes a person of its own and is never merged back automatically", { body: unmergeBodySchema, response: movedResponseSchema }),
});
