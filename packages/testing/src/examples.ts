// The committed example organisation (examples/README.md): the HR export of a fictional school
// board (persons, contracts and departments files) and its student system.
import { readFileSync } from "node:fs";

const examples = new URL("../../../examples/", import.meta.url);

/** A file of examples/ as text. */
export const readExample = (path: string) => readFileSync(new URL(path, examples)).toString("utf8");
export const readExampleJson = (path: string) => JSON.parse(readExample(path));

export const exampleSources = {
  /** The Visma Raet HR export: 60 persons in three files. */
  "hr-visma-raet": { name: "Visma Raet export", files: { persons: "hr/employees.csv", contracts: "hr/contracts.csv", departments: "hr/departments.csv" } as Record<string, string> },
  /** The student system; its files depend on the school year a test plays, so none by default. */
  students: { name: "Somtoday", files: {} as Record<string, string> },
};

export type ExampleSourceName = keyof typeof exampleSources;
