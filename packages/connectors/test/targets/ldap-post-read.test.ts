// The post-read control's answer comes from the directory: its attribute names are data, never an
// object's prototype.
import { BerReader, BerWriter } from "ldapts";
import { describe, expect, it } from "vitest";
import { PostReadControl } from "../../src/targets/ldap/ldap-post-read.ts";

/** A SearchResultEntry as a directory would put it in the control's value. */
function searchResultEntry(dn: string, attributes: Array<[string, string]>): Buffer {
  const writer = new BerWriter();
  writer.startSequence(0x64);
  writer.writeString(dn);
  writer.startSequence();
  for (const [type, value] of attributes) {
    writer.startSequence();
    writer.writeString(type);
    writer.startSequence(0x31);
    writer.writeString(value);
    writer.endSequence();
    writer.endSequence();
  }
  writer.endSequence();
  writer.endSequence();
  return writer.buffer;
}

class ReadableControl extends PostReadControl {
  read(value: Buffer) {
    this.parseControl(new BerReader(value));
    return this.entry;
  }
}

describe("post-read control", () => {
  it("reads the new entry's attributes and skips one named __proto__", () => {
    const entry = new ReadableControl(["entryUUID"]).read(
      searchResultEntry("cn=Jan,ou=x", [["entryUUID", "5f1c"], ["__proto__", "polluted"], ["constructor", "x"], ["cn", "Jan"]]),
    );
    expect(entry).toEqual({ dn: "cn=Jan,ou=x", entryUUID: "5f1c", cn: "Jan" });
    expect(Object.getPrototypeOf(entry)).toBe(Object.prototype);
    expect(Object.hasOwn(entry!, "constructor")).toBe(false);
  });
});
