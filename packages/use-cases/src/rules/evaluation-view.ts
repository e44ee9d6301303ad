import type { Evaluation } from "@idlife/db";
import type { z } from "zod";
import type { evaluationSchema } from "@idlife/contracts";

export function evaluationView(row: Evaluation): z.infer<typeof evaluationSchema> {
  return {
    id: row.id,
    mode: row.mode === "simulation" ? "simulation" : "published",
    trigger: row.trigger,
    status: row.status as z.infer<typeof evaluationSchema>["status"],
    draftVersionIds: row.draftVersionIds,
    everyone: row.everyone,
    enforce: row.enforce,
    today: row.today.toISOString().slice(0, 10),
    counts: row.counts as z.infer<typeof evaluationSchema>["counts"],
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
