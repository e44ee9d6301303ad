import type { AuditFilter } from "@idlife/contracts";
import { FilterBar, FilterField } from "../../../components/FilterBar.tsx";
import { Options, Suggestions } from "../../../components/Options.tsx";
import { useTypedFilters } from "../../../lib/use-typed-filters.ts";
import { useMembersQuery } from "../../tenants/api/tenant-queries.ts";
import { useCurrentTenant } from "../../tenants/components/CurrentTenant.tsx";
import { isoToLocalInput, localInputToIso } from "../audit-log-filter.ts";

// Suggestions only: any `domain.verb` action can be typed.
const knownActions = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "source_system.create",
  "source_system.update",
  "source_system.delete",
  "source_system.upload",
  "import.start",
  "import.push",
  "import.approve",
  "snapshot.request",
  "person.merge",
  "person.unmerge",
  "aggregation.accept",
  "aggregation.reject",
  "member.invite",
  "member.add",
  "member.update",
  "member.remove",
  "api_key.create",
  "api_key.revoke",
  "api_key.rescope",
  "tenant.create",
  "tenant.update",
];

export const targetTypeLabels: Record<string, string> = {
  source_system: "Source system",
  import: "Import",
  snapshot: "Snapshot",
  person: "Person",
  merge_suggestion: "Merge suggestion",
  membership: "Member",
  invitation: "Invitation",
  api_key: "API key",
  tenant: "Tenant",
  user: "User",
};

/** The time field picks minutes; "to 12:05" includes what happened during 12:05. */
const endOfMinute = (iso: string | undefined) => (iso ? new Date(new Date(iso).getTime() + 59_999).toISOString() : undefined);

/** "user:<id>", "api_key" or "system": one select for who did it. */
function actorValue(filter: AuditFilter): string {
  if (filter.actorId) return `${filter.actorType ?? "user"}:${filter.actorId}`;
  return filter.actorType ?? "";
}

function actorFilter(value: string): Pick<AuditFilter, "actorType" | "actorId"> {
  if (!value) return { actorType: undefined, actorId: undefined };
  const [type, id] = value.split(":") as [AuditFilter["actorType"], string | undefined];
  return { actorType: type, actorId: id };
}

/** The audit log's filters. Selects and dates apply at once; typed values on Enter or after a short pause. */
export function AuditLogFilters({ filter, onChange }: { filter: AuditFilter; onChange: (filter: AuditFilter) => void }) {
  const tenant = useCurrentTenant();
  const members = useMembersQuery(tenant.tenantId).data ?? [];
  const { typed, setField, submit } = useTypedFilters({ action: filter.action, targetId: filter.targetId }, (change) => apply(change), 400);

  function apply(change: Partial<AuditFilter>) {
    onChange({ ...filter, ...change });
  }

  const actor = actorValue(filter);
  const knownActor = actor === "" || actor === "api_key" || actor === "system" || members.some((member) => `user:${member.userId}` === actor);

  return (
    <FilterBar label="Filter the audit log" onSubmit={submit}>
      <FilterField id="audit-action" label="Action">
        <input id="audit-action" className="input" list="audit-actions" placeholder="Any action" value={typed.action} onChange={(event) => setField("action", event.target.value)} />
        <Suggestions id="audit-actions" values={knownActions} />
      </FilterField>
      <FilterField id="audit-actor" label="Actor">
        <select id="audit-actor" className="select" value={actor} onChange={(event) => apply(actorFilter(event.target.value))}>
          <option value="">Anyone</option>
          {members.map((member) => (
            <option key={member.userId} value={`user:${member.userId}`}>
              {member.displayName || member.email}
            </option>
          ))}
          <option value="api_key">Any API key</option>
          <option value="system">System</option>
          {!knownActor && <option value={actor}>The chosen actor</option>}
        </select>
      </FilterField>
      <FilterField id="audit-target-type" label="Object type">
        <select id="audit-target-type" className="select" value={filter.targetType ?? ""} onChange={(event) => apply({ targetType: event.target.value || undefined })}>
          <option value="">Any object</option>
          <Options labels={targetTypeLabels} />
        </select>
      </FilterField>
      <FilterField id="audit-target-id" label="Object id" className="filter-bar__narrow">
        <input id="audit-target-id" className="input" placeholder="Id" value={typed.targetId} onChange={(event) => setField("targetId", event.target.value)} />
      </FilterField>
      <TimeField id="audit-from" label="From" value={filter.from} onChange={(from) => apply({ from })} />
      <TimeField id="audit-to" label="To" value={filter.to} onChange={(to) => apply({ to: endOfMinute(to) })} />
    </FilterBar>
  );
}

function TimeField({ id, label, value, onChange }: { id: string; label: string; value: string | undefined; onChange: (iso: string | undefined) => void }) {
  return (
    <FilterField id={id} label={label}>
      <input id={id} className="input" type="datetime-local" value={isoToLocalInput(value)} onChange={(event) => onChange(localInputToIso(event.target.value))} />
    </FilterField>
  );
}
