import { TextField } from "../../../components/TextField.tsx";
import { SettingForm } from "./PersonDecisionForms.tsx";
import { TenantPanel } from "./TenantPanel.tsx";

/** How long superseded raw data and person history are kept; a nightly clean-up applies it. */
export function RetentionPanel({ tenantId }: { tenantId: string }) {
  return (
    <TenantPanel tenantId={tenantId} title="Retention" description="Older raw data and person history are removed every night. The current data of every record and each person's latest change always stay.">
      {(tenant) => (
        <SettingForm
          tenant={tenant}
          label="Retention"
          saved="Saved. The next nightly clean-up applies it."
          read={(data) => {
            const historyDays = String(data.get("historyDays") ?? "").trim();
            // Numbers outside the bounds are sent as typed: the API's answer names the bounds.
            return { retention: { rawVersionDays: Number(data.get("rawVersionDays")), historyDays: historyDays === "" ? null : Number(historyDays) } };
          }}
        >
          <div className="form-grid">
            <TextField
              label="Keep replaced raw data for (days)"
              name="rawVersionDays"
              type="number"
              min={30}
              max={3650}
              required
              defaultValue={tenant.settings.retention.rawVersionDays}
              hint="30 to 3650 days. An import's raw data can be browsed until then."
            />
            <TextField
              label="Keep person history for (days)"
              name="historyDays"
              type="number"
              min={90}
              max={3650}
              defaultValue={tenant.settings.retention.historyDays ?? ""}
              hint="90 to 3650 days; leave empty to keep history forever."
            />
          </div>
        </SettingForm>
      )}
    </TenantPanel>
  );
}
