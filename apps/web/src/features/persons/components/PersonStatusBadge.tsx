import type { PersonDetail } from "../api/person-queries.ts";

const labels: Record<PersonDetail["status"], string> = { active: "Active", future: "Future", former: "Former" };
const tones: Record<PersonDetail["status"], string> = { active: "success", future: "info", former: "neutral" };

export function PersonStatusBadge({ status }: { status: PersonDetail["status"] }) {
  return <span className={`badge badge--${tones[status]}`}>{labels[status]}</span>;
}

export const personStatusLabels = labels;
