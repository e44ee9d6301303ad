import { describe, expect, it } from "vitest";
import { hasActiveFilter, personFilterToParams, personListSearch, readPersonFilter } from "./person-filter.ts";

const sourceId = "6b8c0dfd-d1fb-42d2-90f6-11730a910934";

describe("readPersonFilter", () => {
  it("reads the filters and the page from the address bar", () => {
    const filter = readPersonFilter(new URLSearchParams(`search=vries&status=active&excluded=false&sourceSystemId=${sourceId}&offset=50`));
    expect(filter).toEqual({ search: "vries", status: "active", excluded: "false", sourceSystemId: sourceId, limit: 50, offset: 50 });
  });

  it("leaves out values the API would refuse", () => {
    const filter = readPersonFilter(new URLSearchParams("status=gone&sourceSystemId=not-a-uuid&offset=-3&search="));
    expect(filter).toEqual({ limit: 50, offset: 0 });
    expect(hasActiveFilter(filter)).toBe(false);
  });
});

describe("personListSearch", () => {
  it("sends the filter with paging to the list, and without to the export", () => {
    const filter = readPersonFilter(new URLSearchParams("search= jan &departmentId=SCH1&offset=100"));
    expect(personListSearch(filter).toString()).toBe("search=jan&departmentId=SCH1&limit=50&offset=100");
    expect(personListSearch(filter, { paging: false }).toString()).toBe("search=jan&departmentId=SCH1");
  });

  it("keeps the first page out of the address bar", () => {
    expect(personFilterToParams({ search: "jan", limit: 50, offset: 0 }).toString()).toBe("search=jan");
    expect(personFilterToParams({ limit: 50, offset: 50 }).toString()).toBe("offset=50");
  });
});
