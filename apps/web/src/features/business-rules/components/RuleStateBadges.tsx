import type { BusinessRuleView } from "@idlife/contracts";

/** "Published v1", "Draft v2": what is enforced and what waits for a simulation and publish. */
export function RuleStateBadges({ rule }: { rule: Pick<BusinessRuleView, "draft" | "published"> }) {
  return (
    <span className="inline-meta">
      {rule.published && <span className="badge badge--success">Published v{rule.published.version}</span>}
      {rule.draft && <span className="badge badge--info">Draft v{rule.draft.version}</span>}
    </span>
  );
}
