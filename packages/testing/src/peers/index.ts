export { freePort, untilReady } from "./free-port.ts";
export { adShapedRequired, startSlapd, useSlapd, type SlapdPeer } from "./slapd.ts";
export { canBindToSamba, ensureSamba, newOrganizationalUnit, SAMBA_STATE_DIR, sambaDirectorySettings, type SambaPeer } from "./samba.ts";
export { startScimServer, useScimServer, writingRequests, type ScimRequestLogEntry, type ScimServer, type ScimServerOptions } from "./scim-server.ts";
export { startGraphServer, useGraphServer, type GraphServer, type GraphServerOptions, type GraphRequestRecord } from "./graph-server/graph-server.ts";
export { slapdDirectorySettings } from "./slapd-settings.ts";
