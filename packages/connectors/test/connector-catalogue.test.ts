import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  ConnectorError,
  connectorCatalogue,
  connectorTypes,
  csvSettingsSchema,
  describeConnector,
  httpJsonSettingsSchema,
  isConnectorType,
  listConnectors,
  mergeSecrets,
  redactUrl,
  separateSecrets,
} from "../src/index.ts";

describe("connector catalogue", () => {
  it("describes csv, http-json and the reserved script type", () => {
    expect(connectorTypes).toEqual(["csv", "http-json", "script"]);
    expect(listConnectors().map((connector) => connector.type)).toEqual(["csv", "http-json", "script"]);
    expect(describeConnector("csv").settingsSchema).toBe(csvSettingsSchema);
    expect(describeConnector("http-json").settingsSchema).toBe(httpJsonSettingsSchema);
    expect(describeConnector("script")).toMatchObject({ label: "Script (JavaScript in a sandbox)", secretFields: [] });
    expect(connectorCatalogue.find((entry) => entry.type === "http-json")?.label).toBe("HTTP JSON (REST API)");
    expect(isConnectorType("csv")).toBe(true);
    expect(isConnectorType("ldap")).toBe(false);
  });

  it("gives the portal a JSON Schema for every settings schema", () => {
    for (const connector of listConnectors()) {
      const jsonSchema = z.toJSONSchema(connector.settingsSchema, { io: "input", unrepresentable: "any" });
      expect(JSON.stringify(jsonSchema).length).toBeGreaterThan(100);
    }
  });

  it("lists the secret fields, which separate from and merge back into settings", () => {
    expect(describeConnector("http-json").secretFields).toEqual(["auth.password", "auth.token", "auth.value"]);
    expect(describeConnector("csv").secretFields).toEqual(["download.auth.password", "download.auth.token", "download.auth.value"]);
    const settings = { url: "https://hr.example/api", auth: { type: "basic", username: "koppeling", password: "Geheim!" } };
    const { settings: stored, secrets } = separateSecrets(settings, describeConnector("http-json").secretFields);
    expect(stored).toEqual({ url: "https://hr.example/api", auth: { type: "basic", username: "koppeling" } });
    expect(secrets).toEqual({ "auth.password": "Geheim!" });
    expect(settings.auth.password).toBe("Geheim!");
    expect(mergeSecrets(stored, secrets)).toEqual(settings);
    expect(separateSecrets({ url: "x", auth: { type: "none" } }, describeConnector("http-json").secretFields).secrets).toEqual({});
  });

  it("every secret field is a real path in the settings schema", () => {
    const filled = {
      csv: { download: { auth: { password: "p", token: "t", value: "v" } } },
      "http-json": { auth: { password: "p", token: "t", value: "v" } },
    };
    for (const type of ["csv", "http-json"] as const) {
      const { secrets } = separateSecrets(filled[type], describeConnector(type).secretFields);
      expect(Object.keys(secrets)).toEqual([...describeConnector(type).secretFields]);
    }
  });
});

describe("errors and URLs in messages", () => {
  it("serialises a ConnectorError without a stack", () => {
    const error = new ConnectorError("missing_column", "column 'Email' is missing", { file: "persons.csv", line: 1 });
    expect(JSON.parse(JSON.stringify(error))).toEqual({ code: "missing_column", message: "column 'Email' is missing", file: "persons.csv", line: 1 });
  });

  it("hides credentials in URLs", () => {
    expect(redactUrl("https://user:pass@hr.example/export.csv?sv=2024&sig=abc%2Bdef&school=BRIN01")).toBe(
      "https://***:***@hr.example/export.csv?sv=2024&sig=***&school=BRIN01",
    );
    expect(redactUrl("https://hr.example/api?api_key=1&access_token=2&page=3&klant=4", ["klant"])).toBe(
      "https://hr.example/api?api_key=***&access_token=***&page=3&klant=***",
    );
  });
});
