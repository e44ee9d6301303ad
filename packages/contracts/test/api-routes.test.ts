import { describe, expect, it } from "vitest";
import { z } from "zod";
import { apiRoutes, pathParameterNames, type RouteContract } from "../src/index.ts";

const routes = Object.entries(apiRoutes).flatMap(([area, group]) => Object.entries(group).map(([name, route]) => [`${area}.${name}`, route as RouteContract] as const));

describe("the API's routes", () => {
  it("declare a params schema naming exactly the path's parameters", () => {
    const mismatched = routes.flatMap(([name, route]) => {
      const inPath = pathParameterNames(route.path).sort();
      const declared = route.params instanceof z.ZodObject ? Object.keys(route.params.shape).sort() : [];
      return inPath.join() === declared.join() ? [] : [`${name} ${route.path}: path has [${inPath}], params schema has [${declared}]`];
    });
    expect(mismatched).toEqual([]);
  });

  it("never declare the same method and path twice", () => {
    const seen = routes.map(([, route]) => `${route.method} ${route.path}`);
    expect(seen.filter((entry, index) => seen.indexOf(entry) !== index)).toEqual([]);
  });

  it("send a body only where HTTP allows one", () => {
    expect(routes.filter(([, route]) => route.method === "GET" && route.body).map(([name]) => name)).toEqual([]);
  });
});
