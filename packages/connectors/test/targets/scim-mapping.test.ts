// How account data and lookups turn into SCIM: filters with escaped values, JSON for dotted paths.
import { describe, expect, test } from "vitest";
import { equalityFilter } from "../../src/index.ts";
import { fromScimUser, patchOperations, toScimUser } from "../../src/targets/scim/scim-account-data.ts";

describe("SCIM filters", () => {
  test("values are escaped as the filter grammar's JSON strings: quotes and backslashes cannot end the value", () => {
    const employeeNumber = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber";
    const filters: Array<[attribute: string, value: string, filter: string]> = [
      ["userName", 'jan"or userName pr or"', 'userName eq "jan\\"or userName pr or\\""'],
      ["userName", "dom\\jan", 'userName eq "dom\\\\jan"'],
      ["emails", "a@b.c", 'emails.value eq "a@b.c"'],
      ["emails.work", "a@b.c", 'emails[type eq "work" and value eq "a@b.c"]'],
      ['emails[type eq "work"].value', "a@b.c", 'emails[type eq "work" and value eq "a@b.c"]'],
      [employeeNumber, "7", `${employeeNumber} eq "7"`],
    ];
    for (const [attribute, value, filter] of filters) expect(equalityFilter(attribute, value), `${attribute} eq ${value}`).toBe(filter);
  });

  test("an attribute that is not a path is refused with an example of what works", () => {
    expect(() => equalityFilter("userName pr or id", "x")).toThrow(/not a SCIM attribute path .* e\.g\. userName, externalId/);
    expect(() => equalityFilter("a.b.c", "x")).toThrow(/not a SCIM attribute path/);
  });
});

describe("SCIM account data", () => {
  test("dotted paths become nested JSON, emails the typed entries, extensions their schema", () => {
    const user = toScimUser(
      {
        userName: "jan",
        "name.givenName": "Jan",
        emails: "jan@example.test",
        "emails.home": "jan@home.test",
        "phoneNumbers.mobile": "+31 6 1234 5678",
        "urn:example:ext:2.0:User:costCenter": "42",
        ignored: null,
      },
      { enabled: false },
    );
    expect(JSON.parse(JSON.stringify(user))).toEqual({
      userName: "jan",
      name: { givenName: "Jan" },
      emails: [
        { type: "work", value: "jan@example.test", primary: true },
        { type: "home", value: "jan@home.test" },
      ],
      phoneNumbers: [{ type: "mobile", value: "+31 6 1234 5678", primary: true }],
      "urn:example:ext:2.0:User": { costCenter: "42" },
      active: false,
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:example:ext:2.0:User"],
    });
    expect(fromScimUser(JSON.parse(JSON.stringify(user)))).toEqual({
      userName: "jan",
      active: false,
      "name.givenName": "Jan",
      emails: "jan@example.test",
      "emails.work": "jan@example.test",
      "emails.home": "jan@home.test",
      phoneNumbers: "+31 6 1234 5678",
      "phoneNumbers.mobile": "+31 6 1234 5678",
      "urn:example:ext:2.0:User:costCenter": "42",
    });
  });

  test("prototype names and service-assigned attributes are refused", () => {
    for (const name of ["__proto__", "constructor.x", "name.__proto__", "urn:x:y:constructor", "id", "meta.created", "groups"]) {
      expect(() => toScimUser({ [name]: "x" }, { enabled: true }), name).toThrow(/not a SCIM attribute this connector can write/);
    }
  });

  test("a PATCH adds a work e-mail that does not exist yet, and removes a cleared one", () => {
    expect(patchOperations({ emails: "a@b.c" }, () => false)).toEqual([{ op: "add", path: "emails", value: [{ type: "work", value: "a@b.c" }] }]);
    expect(patchOperations({ emails: null, "emails.home": "h@b.c", active: "false" }, () => true)).toEqual([
      { op: "remove", path: 'emails[type eq "work"]' },
      { op: "replace", path: 'emails[type eq "home"].value', value: "h@b.c" },
      { op: "replace", path: "active", value: false },
    ]);
  });
});
