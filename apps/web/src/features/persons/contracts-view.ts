import { contractState, getPath, type Contract, type ContractState } from "../../lib/idlife-core.ts";

export interface ContractView {
  contract: Contract;
  state: ContractState;
  primary: boolean;
}

const stateOrder: Record<ContractState, number> = { active: 0, future: 1, expired: 2 };

function isContract(value: unknown): value is Contract {
  return typeof value === "object" && value !== null && typeof (value as { ExternalId?: unknown }).ExternalId === "string";
}

/** The person's contracts with their state on `today`: active first, then future, then expired. */
export function contractViews(data: Record<string, unknown>, today: string): ContractView[] {
  const contracts = Array.isArray(data.Contracts) ? data.Contracts.filter(isContract) : [];
  const primaryId = getPath(data, "PrimaryContract.ExternalId");
  return contracts
    .map((contract) => ({ contract, state: contractState(contract, today), primary: contract.ExternalId === primaryId }))
    .sort(
      (a, b) =>
        Number(b.primary) - Number(a.primary) ||
        stateOrder[a.state] - stateOrder[b.state] ||
        (b.contract.StartDate ?? "").localeCompare(a.contract.StartDate ?? ""),
    );
}

/** "Leerkracht · Basisschool De Regenboog": what a contract is, in one line. */
export function describeContract(contract: Contract): string {
  const parts = [contract.Title?.Name ?? contract.Title?.Code, contract.Department?.DisplayName ?? contract.Department?.ExternalId];
  return parts.filter(Boolean).join(" · ") || contract.ExternalId;
}

export const contractStateLabels: Record<ContractState, string> = { active: "Active", future: "Future", expired: "Expired" };
export const contractStateTones: Record<ContractState, string> = { active: "success", future: "info", expired: "neutral" };

/** The contract idlife chose as primary (PrimaryContract holds its ExternalId). */
export function findPrimaryContract(data: Record<string, unknown>): Contract | undefined {
  const primaryId = getPath(data, "PrimaryContract.ExternalId");
  const contracts = Array.isArray(data.Contracts) ? data.Contracts.filter(isContract) : [];
  return contracts.find((contract) => contract.ExternalId === primaryId);
}
