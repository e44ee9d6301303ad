import { PersonRulesReport } from "../../business-rules/components/PersonRulesReport.tsx";
import { usePerson } from "./PersonLayout.tsx";

/** The Rules tab: per published rule, in scope or not, and why not. */
export function PersonRulesPage() {
  return <PersonRulesReport personId={usePerson().id} />;
}
