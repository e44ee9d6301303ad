import { describe, expect, it } from "vitest";
import { readHttpJsonDepartments, writeHttpJsonDepartments } from "./http-json-departments.ts";

const base = { url: "https://hr.example/api/persons", recordsPath: "data", auth: { type: "none" } };

describe("the HTTP JSON departments endpoint in the settings form", () => {
  it("adds the endpoint with its records path, keeping the rest of the settings", () => {
    const next = writeHttpJsonDepartments(base, { url: " https://hr.example/api/departments ", recordsPath: " items " });
    expect(next).toEqual({ ...base, departments: { url: "https://hr.example/api/departments", recordsPath: "items" } });
    expect(readHttpJsonDepartments(next)).toEqual({ url: "https://hr.example/api/departments", recordsPath: "items" });
  });

  it("keeps the endpoint's other settings when it changes, and removes it with an empty address", () => {
    const withPaging = { ...base, departments: { url: "https://hr.example/api/departments", recordsPath: "", pagination: { type: "page" } } };
    expect(writeHttpJsonDepartments(withPaging, { url: "https://hr.example/api/units", recordsPath: "" }).departments).toEqual({
      url: "https://hr.example/api/units",
      recordsPath: "",
      pagination: { type: "page" },
    });
    expect(writeHttpJsonDepartments(withPaging, { url: "", recordsPath: "items" })).toEqual(base);
    expect(readHttpJsonDepartments(base)).toEqual({ url: "", recordsPath: "" });
  });
});
