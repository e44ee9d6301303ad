import { Attribute, BerReader, BerWriter, Control, type Entry } from "ldapts";
import { isForbiddenKey } from "@idlife/core";
import { rootEntry, type LdapContext } from "./ldap-entries.ts";
import { attributeOf, entryValues } from "./ldap-values.ts";

/**
 * The LDAP Post-Read control (RFC 4527): the directory answers a write with the entry as it is
 * after the write, so a create learns its reference (entryUUID) without a second round trip.
 * OpenLDAP has it built in; Active Directory does not (its creates read the entry back).
 */
export const POST_READ_CONTROL = "1.3.6.1.1.13.2";

/** SearchResultEntry ([APPLICATION 4]), which the response control's value holds. */
const SEARCH_RESULT_ENTRY = 0x64;

/**
 * One write's post-read control. ldapts parses a response control it does not know into the
 * request's own instance (matched on the OID), so `entry` is set once the write has succeeded.
 */
export class PostReadControl extends Control {
  entry?: Entry;

  constructor(
    private readonly attributes: readonly string[],
    private readonly bufferAttributes: readonly string[] = [],
  ) {
    super(POST_READ_CONTROL);
  }

  protected override writeControl(writer: BerWriter): void {
    this.entry = undefined;
    const selection = new BerWriter();
    selection.startSequence();
    for (const attribute of this.attributes) selection.writeString(attribute);
    selection.endSequence();
    writer.writeBuffer(selection.buffer, 0x04);
  }

  protected override parseControl(reader: BerReader): void {
    if (!reader.readSequence(SEARCH_RESULT_ENTRY)) return;
    const entry: Entry = { dn: reader.readString() ?? "" };
    reader.readSequence();
    const end = reader.offset + reader.length;
    // Values as a search gives them (ldapts' SearchEntry): text, bytes where asked or not UTF-8.
    while (reader.offset < end) {
      const attribute = new Attribute();
      attribute.parse(reader);
      // The directory names the attributes: "__proto__" would set this entry's prototype.
      if (isForbiddenKey(attribute.type)) continue;
      const values = this.bufferAttributes.includes(attribute.type) || attribute.values.some((value) => Buffer.isBuffer(value)) ? attribute.parsedBuffers : attribute.values;
      entry[attribute.type] = values.length === 1 ? values[0]! : values;
    }
    this.entry = entry;
  }
}

/** Whether the directory's root entry lists the post-read control (an unreadable root: no). */
export async function hasPostRead(context: LdapContext): Promise<boolean> {
  const root = await rootEntry(context).catch(() => undefined);
  return root !== undefined && entryValues(attributeOf(root, "supportedControl")).includes(POST_READ_CONTROL);
}
