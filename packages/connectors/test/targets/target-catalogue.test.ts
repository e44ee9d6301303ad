import { describe, expect, it } from "vitest";
import { findTargetConnector, listTargetConnectors, targetCatalogueJson, targetConnectorTypes } from "../../src/index.ts";
import { targetConnectorTypeSchema } from "../../../contracts/src/target-systems.ts";

describe("target connector registry", () => {
  it("has one spelling of each type, the same list the API's contracts accept", () => {
    expect([...targetConnectorTypes]).toEqual(targetConnectorTypeSchema.options);
    expect(listTargetConnectors().map((connector) => connector.type)).toEqual([...targetConnectorTypes]);
    expect(findTargetConnector("LDAP")).toBeUndefined();
    expect(findTargetConnector("__proto__")).toBeUndefined();
  });

  it("describes every connector for the portal: settings as JSON Schema, secret fields, capabilities, no functions", () => {
    const catalogue = targetCatalogueJson();
    for (const entry of catalogue) {
      expect(entry.settingsSchema).toMatchObject({ type: "object" });
      expect(JSON.parse(JSON.stringify(entry))).toEqual(entry);
      // Every declared secret field is a path into the settings schema, so the portal can show it write-only.
      for (const field of entry.secretFields) expect(field.split(".").length).toBeGreaterThan(0);
    }
    const byType = new Map(catalogue.map((entry) => [entry.type, entry]));
    expect(byType.get("ldap")?.secretFields).toContain("password");
    expect(byType.get("entra-id")?.secretFields).toContain("clientSecret");
    expect(byType.get("script")?.capabilities.script).toBe(true);
  });
});
