import { z } from "zod";
import { idParamsSchema } from "../common.ts";
import { defineRoute, defineRoutes } from "./define-route.ts";

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

/** Accepting and rejecting a suggestion differ only in the word and what it does. */
const decisionRoute = <const Decision extends "accept" | "reject">(decision: Decision, summary: string) =>
  defineRoute({
    method: "POST",
    path: `/merge-suggestions/:id/${decision}` as const,
    summary,
    params: idParamsSchema,
    response: suggestionSchema.pick({ id: true, status: true }),
  });

/** Merging and unmerging both move source records and answer with the person they end at. */
const moveRoute = <const Action extends "merge" | "unmerge", Body extends z.ZodType>(action: Action, summary: string, body: Body) =>
  defineRoute({
    method: "POST",
    path: `/persons/:id/${action}` as const,
    summary,
    params: idParamsSchema,
    body,
    response: z.object({ personId: z.uuid() }),
  });

export const mergeRoutes = defineRoutes(["Aggregation"], {
  list: defineRoute({
    method: "GET", path: "/merge-suggestions",
    summary: "Possible duplicates (one human in two systems) waiting for a decision",
    query: listQuerySchema,
    response: z.array(suggestionSchema),
  }),
  accept: decisionRoute("accept", "Accept: the held-back person joins the suggested person"),
  reject: decisionRoute("reject", "Reject: they are different people; the held-back person is processed on its own"),
  merge: moveRoute("merge", "Merge this person into another: every source record moves to that person", mergeBodySchema),
  unmerge: moveRoute(
    "unmerge",
    "Split one source record off this person; it becomes a person of its own and is never merged back automatically",
    unmergeBodySchema,
  ),
});
