/** The persons area's pages, loaded together as one chunk when the area is first opened. */
export { PersonContractsPage } from "./PersonContractsPage.tsx";
export { PersonHistoryPage } from "./PersonHistoryPage.tsx";
export { PersonInformationPage } from "./PersonInformationPage.tsx";
export { PersonLayout } from "./PersonLayout.tsx";
export { PersonRawDataPage } from "./PersonRawDataPage.tsx";
export { PersonRulesPage } from "./PersonRulesPage.tsx";
export { PersonsPage } from "./PersonsPage.tsx";
