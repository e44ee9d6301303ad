import { describe, expect, it } from "vitest";
import { auditFilterSearch, hasAuditFilter, readAuditFilter } from "./audit-log-filter.ts";

const memberId = "6b8c0dfd-d1fb-42d2-90f6-11730a910934";

describe("readAuditFilter", () => {
  it("reads the filters from the address bar and writes them back", () => {
    const query = `action=source_system.update&actorType=user&actorId=${memberId}&targetType=source_system&targetId=abc&from=2026-12-01T00%3A00%3A00.000Z&to=2026-12-02T00%3A00%3A00.000Z`;
    const filter = readAuditFilter(new URLSearchParams(query));
    expect(filter).toEqual({
      action: "source_system.update",
      actorType: "user",
      actorId: memberId,
      targetType: "source_system",
      targetId: "abc",
      from: "2026-12-01T00:00:00.000Z",
      to: "2026-12-02T00:00:00.000Z",
    });
    expect(auditFilterSearch(filter).toString()).toBe(query);
  });

  it("leaves out values the API would refuse", () => {
    const filter = readAuditFilter(new URLSearchParams("action=DROP TABLE&actorId=nobody&from=yesterday&targetType=Source System"));
    expect(filter).toEqual({});
    expect(hasAuditFilter(filter)).toBe(false);
    expect(readAuditFilter(new URLSearchParams("from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z"))).toEqual({ from: "2026-12-02T00:00:00Z" });
  });
});
