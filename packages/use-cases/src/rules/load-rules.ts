import { ruleDefinitionSchema, ruleTestCaseSchema } from "@idlife/contracts";
import type { BusinessRuleDefinition } from "@idlife/core";
import type { TransactionClient } from "@idlife/db";
import { z } from "zod";

export interface LoadedRule {
  definition: BusinessRuleDefinition;
  versionId: string;
  state: "draft" | "published";
  testCases: z.infer<typeof ruleTestCaseSchema>[];
}

/**
 * The rules an evaluation applies: every published version, with the given drafts in place of
 * their rules' published ones (a simulation); a rule that has only a draft counts when its draft
 * is given. A stored definition that no longer parses is left out and named in `problems`.
 */
export async function loadRules(tx: TransactionClient, tenantId: string, draftVersionIds: readonly string[] = []): Promise<{ rules: LoadedRule[]; problems: string[] }> {
  const versions = await tx.businessRuleVersion.findMany({
    where: { tenantId, OR: [{ state: "published" }, { id: { in: [...draftVersionIds] }, state: "draft" }] },
    include: { rule: { select: { name: true } } },
    orderBy: { ruleId: "asc" },
  });
  const byRule = new Map<string, (typeof versions)[number]>();
  for (const version of versions) {
    const current = byRule.get(version.ruleId);
    if (!current || version.state === "draft") byRule.set(version.ruleId, version);
  }
  const rules: LoadedRule[] = [];
  const problems: string[] = [];
  for (const version of byRule.values()) {
    const parsed = ruleDefinitionSchema.safeParse(version.definition);
    if (!parsed.success) {
      problems.push(`rule '${version.rule.name}' (version ${version.version}) is left out: ${parsed.error.issues[0]?.message}`);
      continue;
    }
    rules.push({
      definition: { id: version.ruleId, name: version.rule.name, ...parsed.data },
      versionId: version.id,
      state: version.state === "draft" ? "draft" : "published",
      testCases: z.array(ruleTestCaseSchema).catch([]).parse(version.testCases),
    });
  }
  return { rules, problems };
}
