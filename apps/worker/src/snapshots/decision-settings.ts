import { createHash } from "node:crypto";
import type { Prisma, TenantId } from "@idlife/db";
import {
  AggregationSettingsSchema,
  DEFAULT_AGGREGATION_SETTINGS,
  DEFAULT_MANAGER_OPTIONS,
  DEFAULT_PRIMARY_CONTRACT_CRITERIA,
  ManagerOptionsSchema,
  NAME_CONVENTIONS,
  PrimaryContractCriteriaSchema,
  canonicalJson,
  todayInTimeZone,
  type AggregationSettings,
  type ManagerOptions,
  type NameConvention,
  type PrimaryContractCriterion,
} from "@idlife/core";

/** The tenant settings that decide persons, with today's date on the tenant's clock. */
export interface DecisionSettings {
  today: string;
  primaryContractCriteria: readonly PrimaryContractCriterion[];
  managerOptions: ManagerOptions;
  aggregation: AggregationSettings;
  nameConvention?: NameConvention;
}

const isNameConvention = (value: unknown): value is NameConvention => (NAME_CONVENTIONS as readonly unknown[]).includes(value);

/** `today` overrides the date (tests, FIXED_TODAY); otherwise it is today in the tenant's time zone. */
export async function loadDecisionSettings(prisma: Prisma, tenantId: TenantId, today?: () => string): Promise<DecisionSettings> {
  const tenant = await prisma.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { settings: true } });
  const settings = (tenant.settings ?? {}) as Record<string, unknown>;
  return {
    today: today?.() ?? todayInTimeZone(typeof settings.timeZone === "string" ? settings.timeZone : "Europe/Amsterdam"),
    primaryContractCriteria: PrimaryContractCriteriaSchema.safeParse(settings.primaryContractCriteria).data ?? DEFAULT_PRIMARY_CONTRACT_CRITERIA,
    managerOptions: ManagerOptionsSchema.safeParse(settings.managerOptions).data ?? DEFAULT_MANAGER_OPTIONS,
    aggregation: AggregationSettingsSchema.safeParse(settings.aggregation).data ?? DEFAULT_AGGREGATION_SETTINGS,
    // Only when set, so tenants without one keep their decision basis (no needless full snapshot).
    ...(isNameConvention(settings.nameConvention) ? { nameConvention: settings.nameConvention } : {}),
  };
}

/** Raise when the decision rules change in code, so the next snapshot decides every person again. */
const DECISION_ENGINE_VERSION = 1;

/**
 * Everything besides a person's own source records that decides them: the date, the settings and
 * the department tree. Two snapshots with the same basis decide an unchanged person identically,
 * which is what lets an import's snapshot decide only the persons whose sources changed.
 */
export function decisionBasis(settings: DecisionSettings, departments: ReadonlyArray<{ externalId: string; managerExternalId: string | null; parentExternalId: string | null }>): string {
  const tree = departments.map((department) => [department.externalId, department.managerExternalId, department.parentExternalId]).sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
  return createHash("sha256").update(`${DECISION_ENGINE_VERSION}\n${canonicalJson(settings)}\n${JSON.stringify(tree)}`).digest("base64url");
}
