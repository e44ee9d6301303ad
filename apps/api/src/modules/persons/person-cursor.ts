import { z } from "zod";
import { badRequest } from "../../common/http/api-error.ts";

// A page ends at a (display name, id) pair; the next page starts after it. Unlike an offset,
// persons added or removed meanwhile neither repeat nor skip anyone, and PostgreSQL walks the
// (tenant_id, display_name, id) index from that point instead of counting past every earlier row.
const cursorSchema = z.tuple([z.string().max(500), z.uuid()]);

export interface PersonCursor {
  displayName: string;
  id: string;
}

export function encodePersonCursor(person: PersonCursor): string {
  return Buffer.from(JSON.stringify([person.displayName, person.id])).toString("base64url");
}

export function decodePersonCursor(cursor: string): PersonCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    parsed = undefined;
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success) throw badRequest("invalid_cursor", "The cursor is not one this list gave out; start again from the first page (leave cursor out).");
  const [displayName, id] = result.data;
  return { displayName, id };
}

/** Persons after the cursor in the list's order (display name, then id). */
export function afterCursor(cursor: PersonCursor) {
  return { OR: [{ displayName: { gt: cursor.displayName } }, { displayName: cursor.displayName, id: { gt: cursor.id } }] };
}
