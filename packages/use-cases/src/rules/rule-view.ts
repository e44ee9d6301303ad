import type { BusinessRule, BusinessRuleVersion } from "@idlife/db";
import type { z } from "zod";
import type { BusinessRuleView, ruleTestCaseSchema } from "@idlife/contracts";

type RuleWithVersions = BusinessRule & { versions: BusinessRuleVersion[] };

const versionView = (version: BusinessRuleVersion | undefined) =>
  version
    ? {
        id: version.id,
        version: version.version,
        state: version.state,
        definition: version.definition as Record<string, unknown>,
        testCases: version.testCases as z.infer<typeof ruleTestCaseSchema>[],
        createdAt: version.createdAt.toISOString(),
        publishedAt: version.publishedAt?.toISOString() ?? null,
      }
    : null;

/** A rule as the API answers it: its draft (if any) and its published version (if any). */
export function toRuleView(rule: RuleWithVersions): BusinessRuleView {
  return {
    id: rule.id,
    name: rule.name,
    description: rule.description,
    categories: rule.categories,
    draft: versionView(rule.versions.find((version) => version.state === "draft")),
    published: versionView(rule.versions.find((version) => version.state === "published")),
    updatedAt: rule.updatedAt.toISOString(),
  };
}

/** The versions a view needs: the draft and the published one. */
export const currentVersions = { versions: { where: { state: { in: ["draft", "published"] as ("draft" | "published")[] } } } };
