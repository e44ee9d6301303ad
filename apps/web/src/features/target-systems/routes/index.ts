/** The target systems area's pages, loaded together as one chunk when the area is first opened. */
export { NewTargetSystemPage } from "./NewTargetSystemPage.tsx";
export { TargetActionsPage } from "./TargetActionsPage.tsx";
export { TargetInventoryPage } from "./TargetInventoryPage.tsx";
export { TargetMappingPage } from "./TargetMappingPage.tsx";
export { TargetPermissionsPage } from "./TargetPermissionsPage.tsx";
export { TargetSystemLayout } from "./TargetSystemLayout.tsx";
export { TargetSystemOverviewPage } from "./TargetSystemOverviewPage.tsx";
export { TargetSystemsPage } from "./TargetSystemsPage.tsx";
