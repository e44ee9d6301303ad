import type { Page } from "playwright-core";

/**
 * From the rules list, a new rule in the editor: its name, category "staff" and condition 1
 * "Contract.Details.Fte greaterOrEqual", its value still to give (the tests check the problem
 * shown meanwhile, or fill it at once).
 */
export async function startStaffRule(page: Page, name: string) {
  await page.getByRole("link", { name: "Add rule" }).click();
  await page.getByRole("heading", { level: 1, name: "Add business rule" }).waitFor();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Categories").fill("staff");
  await page.getByLabel("Field of condition 1").fill("Contract.Details.Fte");
  await page.getByLabel("Operator of condition 1").selectOption("greaterOrEqual");
}
