import { randomInt } from "node:crypto";

const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const LOWER = "abcdefghijkmnopqrstuvwxyz";
const DIGITS = "23456789";
const SYMBOLS = "!#$%&*+-=?@_";
const ALL = UPPER + LOWER + DIGITS + SYMBOLS;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

/**
 * A password for a new account: at least one upper-case letter, lower-case letter, digit and
 * symbol (what Active Directory's complexity rule asks), the rest from all four, shuffled, from
 * the operating system's random source. Look-alike characters (0/O, 1/l/I) are left out because
 * people type these from a letter.
 */
export function generatePassword(policy: { length?: number } = {}): string {
  const length = policy.length ?? 20;
  if (!Number.isInteger(length) || length < MIN_PASSWORD_LENGTH || length > MAX_PASSWORD_LENGTH) {
    throw new Error(`password length must be a whole number from ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH}, not ${length}`);
  }
  const pick = (alphabet: string) => alphabet[randomInt(alphabet.length)]!;
  const characters = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(SYMBOLS)];
  while (characters.length < length) characters.push(pick(ALL));
  // Fisher-Yates, so the required classes are not always in front.
  for (let index = characters.length - 1; index > 0; index--) {
    const other = randomInt(index + 1);
    [characters[index], characters[other]] = [characters[other]!, characters[index]!];
  }
  return characters.join("");
}
