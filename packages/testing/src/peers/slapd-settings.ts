import { adShapedRequired, type SlapdPeer } from "./slapd.ts";

/**
 * Settings of an "ldap" target system for a slapd peer with Debian's msuser.schema: AD's rules,
 * the attributes AD would set itself, extensibleObject for sAMAccountName and employeeID (no class
 * of that schema allows them), and entryUUID as the reference (slapd has no objectGUID). The bind
 * password (peer.password) goes in the system's secrets.
 */
export function slapdDirectorySettings(peer: SlapdPeer, baseDn: string): Record<string, unknown> {
  return {
    directoryKind: "active-directory",
    url: peer.url,
    bindDn: peer.bindDn,
    baseDn,
    objectClasses: ["top", "person", "organizationalPerson", "user", "extensibleObject"],
    fixedAttributes: adShapedRequired(peer.baseDn),
    // Groups the platform creates (dynamic permissions) need extensibleObject too (sAMAccountName).
    groupObjectClasses: ["top", "group", "extensibleObject"],
    groupFixedAttributes: adShapedRequired(peer.baseDn, "Group"),
    referenceAttribute: "entryUUID",
  };
}
