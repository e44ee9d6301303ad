import { describe, expect, it } from "vitest";
import { describeConnector, mergeSecrets, SecretPathError, secretNameProblems, separateSecrets } from "../src/index.ts";

const httpSecrets = describeConnector("http-json").secretFields;

describe("secret paths never walk off the settings", () => {
  it("refuses prototype names in a secret path instead of polluting Object.prototype", () => {
    for (const path of ["__proto__.polluted", "constructor.prototype.polluted", "auth.__proto__.polluted", "prototype", "__proto__"]) {
      expect(() => mergeSecrets({}, { [path]: "1" }), path).toThrow(SecretPathError);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain("polluted");
  });

  it("refuses paths that are not plain dotted names", () => {
    for (const path of ["", "auth.", ".auth", "auth..token", "auth[0]", 'auth["token"]', "auth.tok en"]) {
      expect(() => mergeSecrets({}, { [path]: "1" }), JSON.stringify(path)).toThrow(SecretPathError);
    }
  });

  it("accepts only the connector's declared secret fields when told them", () => {
    expect(mergeSecrets({ auth: { type: "bearer" } }, { "auth.token": "t" }, httpSecrets)).toEqual({ auth: { type: "bearer", token: "t" } });
    expect(() => mergeSecrets({}, { "auth.username": "u" }, httpSecrets)).toThrow(/not a secret of this connector/);
    // What the API checks before any merge (checkRequestSecrets): a name the connector does not declare.
    expect(secretNameProblems(describeConnector("http-json"), ["auth.token", "download.auth.token"])).toEqual([expect.stringMatching(/download\.auth\.token/)]);
    expect(secretNameProblems(describeConnector("csv"), ["__proto__", "anything"])).toHaveLength(2);
  });

  it("replaces an inherited or non-object step with an own object", () => {
    // "toString" is inherited by every object; a secret under it must not land on Object.prototype.toString.
    const merged = mergeSecrets({ auth: "text" }, { "auth.token": "t", "toString.x": "y" });
    expect(merged).toEqual({ auth: { token: "t" }, toString: { x: "y" } });
    expect(Object.hasOwn(Object.prototype.toString, "x")).toBe(false);
  });

  it("separates only own properties", () => {
    const inherited = Object.create({ auth: { token: "from the prototype" } }) as Record<string, unknown>;
    expect(separateSecrets(inherited, httpSecrets).secrets).toEqual({});
  });
});
