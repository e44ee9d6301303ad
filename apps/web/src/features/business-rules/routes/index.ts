/** The business rules area's pages, loaded together when the area is first opened. */
export { BusinessRulePage } from "./BusinessRulePage.tsx";
export { BusinessRulesPage } from "./BusinessRulesPage.tsx";
export { NewBusinessRulePage } from "./NewBusinessRulePage.tsx";
