export { freePort, untilReady } from "./free-port.ts";
export { adShapedRequired, startSlapd, useSlapd, type SlapdPeer } from "./slapd.ts";
export { ensureSamba, newOrganizationalUnit, SAMBA_STATE_DIR, type SambaPeer } from "./samba.ts";
export { slapdDirectorySettings } from "./slapd-settings.ts";
