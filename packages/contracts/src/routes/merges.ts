import { z } from "zod";
import { idParamsSchema } from "../common.ts";
import { defineRoute } from "./define-route.ts";

const tags = ["Aggregation"];
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

export const mergeRoutes = {
  list: defineRoute({
    method: "GET", path: "/merge-suggestions",
    summary: "Possible duplicates (one human in two systems) waiting for a decision",
    tags,
    query: listQuerySchema,
    response: z.array(suggestionSchema),
  }),
  accept: defineRoute({
    method: "POST", path: "/merge-suggestions/:id/accept",
    summary: "Accept: the held-back person joins the suggested person",
    tags,
    params: idParamsSchema,
    response: suggestionSchema.pick({ id: true, status: true }),
  }),
  reject: defineRoute({
    method: "POST", path: "/merge-suggestions/:id/reject",
    summary: "Reject: they are different people; the held-back person is processed on its own",
    tags,
    params: idParamsSchema,
    response: suggestionSchema.pick({ id: true, status: true }),
  }),
  merge: defineRoute({
    method: "POST", path: "/persons/:id/merge",
    summary: "Merge this person into another: every source record moves to that person",
    tags,
    params: idParamsSchema,
    body: mergeBodySchema,
    response: z.object({ personId: z.uuid() }),
  }),
  unmerge: defineRoute({
    method: "POST", path: "/persons/:id/unmerge",
    summary: "Split one source record off this person; it becomes a person of its own and is never merged back automatically",
    tags,
    params: idParamsSchema,
    body: unmergeBodySchema,
    response: z.object({ personId: z.uuid() }),
  }),
};
