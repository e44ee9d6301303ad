import { describe, expect, it } from "vitest";
import { readPath, settingsFields, writePath } from "./settings-schema-fields.ts";

const schema = {
  type: "object",
  properties: {
    url: { type: "string", description: "ldaps://dc.example:636" },
    bindDn: { type: "string" },
    bindPassword: { type: "string" },
    pageSize: { type: "integer", default: 500 },
    flavour: { type: "string", enum: ["ad", "openldap"] },
    tls: { type: "object", properties: { rejectUnauthorized: { type: "boolean" } } },
    objectClasses: { type: "array", items: { type: "string" } },
    disabledValue: { anyOf: [{ type: "string" }, { type: "null" }] },
    disableAttribute: { type: "object", properties: { attribute: { type: "string" } }, required: ["attribute"] },
  },
  required: ["url"],
};

describe("the settings form read from a connector's JSON Schema", () => {
  it("offers every setting but the secrets, nested ones by dot path, each with its kind", () => {
    const fields = settingsFields(schema, ["bindPassword"]);
    expect(fields.map((field) => [field.path, field.kind])).toEqual([
      ["url", "text"],
      ["bindDn", "text"],
      ["pageSize", "number"],
      ["flavour", "choice"],
      ["tls.rejectUnauthorized", "boolean"],
      ["objectClasses", "lines"],
      ["disabledValue", "text"],
      ["disableAttribute.attribute", "text"],
    ]);
    // Required inside an optional object is not required of the form.
    expect(fields.at(-1)).toMatchObject({ required: false });
    expect(fields[0]).toMatchObject({ required: true, label: "URL", description: "ldaps://dc.example:636" });
    expect(fields[1]).toMatchObject({ required: false, label: "Bind DN" });
  });

  it("writes a nested value without touching the others, and removes one set to undefined", () => {
    const settings = { url: "ldap://x", tls: { ca: "pem" } };
    const written = writePath(settings, "tls.rejectUnauthorized", false);
    expect(written).toEqual({ url: "ldap://x", tls: { ca: "pem", rejectUnauthorized: false } });
    expect(settings.tls).toEqual({ ca: "pem" });
    expect(readPath(written, "tls.rejectUnauthorized")).toBe(false);
    expect(writePath(written, "url", undefined)).toEqual({ tls: { ca: "pem", rejectUnauthorized: false } });
  });
});
