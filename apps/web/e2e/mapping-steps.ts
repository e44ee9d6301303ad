import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

/** The suggestions a source-field input offers (its datalist), once they have loaded. */
export async function offered(input: Locator): Promise<string[]> {
  const read = () => input.evaluate((element) => Array.from((element as HTMLInputElement).list?.options ?? []).map((option) => option.value));
  await expect.poll(async () => (await read()).length).toBeGreaterThan(0);
  return read();
}

/**
 * Adds a row to the open mapping tab: the target field, and the source field to copy when given.
 * With `offered`, that source field must first be among the suggestions (the uploaded columns).
 */
export async function addField(tabPanel: Locator, field: string, sourcePath?: string, options: { offered?: boolean } = {}) {
  // Mapping rows only: a row's transforms are list items too.
  const before = await tabPanel.locator(".mapping-row").count();
  await tabPanel.getByRole("button", { name: "Add field" }).click();
  await tabPanel.getByLabel(`Target field, row ${before + 1}`, { exact: true }).selectOption(field);
  if (!sourcePath) return;
  const input = tabPanel.getByLabel(`Source field for ${field}`, { exact: true });
  if (options.offered) expect(await offered(input)).toContain(sourcePath);
  await input.fill(sourcePath);
}

/** Uploads a file in the source system's upload form of that label ("Persons file") and waits until it is listed. */
export async function uploadFile(page: Page, label: string, path: string) {
  const form = page.getByRole("form", { name: `Upload ${label.toLowerCase()}` });
  await form.getByLabel(label).setInputFiles(path);
  await form.getByRole("button", { name: `Upload ${label.toLowerCase()}` }).click();
  await form.getByRole("status").getByText(path.split("/").pop()!).waitFor();
}

/** Waits for the mapping preview of one record and reads its two sides: the raw record and the person it becomes. */
export async function readPreview(page: Page, recordKey: string): Promise<{ raw: string; mapped: string }> {
  const preview = page.getByRole("article", { name: `Preview of record ${recordKey}` });
  await preview.waitFor();
  return {
    raw: (await preview.getByRole("region", { name: "Raw record" }).textContent()) ?? "",
    mapped: (await preview.getByRole("region", { name: "Mapped person" }).textContent()) ?? "",
  };
}
