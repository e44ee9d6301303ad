/** The source systems area's pages, loaded together as one chunk when the area is first opened. */
export { BlockedPersonsPage } from "./BlockedPersonsPage.tsx";
export { ImportsPage } from "./ImportsPage.tsx";
export { MappingPage } from "./MappingPage.tsx";
export { NewSourceSystemPage } from "./NewSourceSystemPage.tsx";
export { RawDataPage } from "./RawDataPage.tsx";
export { SchedulePage } from "./SchedulePage.tsx";
export { SourceSystemLayout } from "./SourceSystemLayout.tsx";
export { SourceSystemOverviewPage } from "./SourceSystemOverviewPage.tsx";
export { SourceSystemsPage } from "./SourceSystemsPage.tsx";
export { ThresholdsPage } from "./ThresholdsPage.tsx";
