import { expect, it } from "vitest";
import { slugify } from "../src/index.ts";

it("makes readable slugs from tenant names with accents and punctuation", () => {
  expect(slugify("Stichting Openbaar Onderwijs Zuid")).toBe("stichting-openbaar-onderwijs-zuid");
  expect(slugify("  Zorggroep Élan & Co. ")).toBe("zorggroep-elan-co");
  expect(slugify("!!!")).toBe("tenant");
});
