/**
 * Paths into raw source records, as administrators type them in the mapping editor:
 * "Contact.Email", "Contracts[0].Title", and ["Adres.Straat"] for a column whose name holds a dot.
 * Names may contain spaces ("Personeels nummer"): CSV headers do.
 */
export type PathSegment = string | number;

export class PathSyntaxError extends Error {
  constructor(path: string, problem: string) {
    super(`path ${JSON.stringify(path)} ${problem}`);
    this.name = "PathSyntaxError";
  }
}

function readBracket(path: string, start: number): { segment: PathSegment; end: number } {
  const close = (quote: string) => {
    const end = path.indexOf(`${quote}]`, start + 2);
    if (end < 0) throw new PathSyntaxError(path, `has an unclosed ${quote} at position ${start + 1}`);
    return { segment: path.slice(start + 2, end), end: end + 2 };
  };
  const quote = path[start + 1];
  if (quote === '"' || quote === "'") return close(quote);
  const end = path.indexOf("]", start);
  if (end < 0) throw new PathSyntaxError(path, `has an unclosed [ at position ${start + 1}`);
  const inside = path.slice(start + 1, end);
  if (!/^\d+$/.test(inside)) {
    throw new PathSyntaxError(path, `has [${inside}]; use a number like [0] or a quoted name like ["a.b"]`);
  }
  return { segment: Number(inside), end: end + 1 };
}

/** Splits a path into names and indexes; throws PathSyntaxError with what to fix. */
export function parsePath(path: string): PathSegment[] {
  if (path.length === 0) throw new PathSyntaxError(path, "is empty");
  const segments: PathSegment[] = [];
  let position = 0;
  let expectName = true;
  while (position < path.length) {
    const char = path[position];
    if (char === "[") {
      const { segment, end } = readBracket(path, position);
      segments.push(segment);
      position = end;
      expectName = false;
    } else if (char === "." && !expectName) {
      position += 1;
      expectName = true;
      if (position === path.length) throw new PathSyntaxError(path, "ends with a dot");
    } else if (expectName && char !== "." && char !== "]") {
      let end = position;
      while (end < path.length && !".[]".includes(path[end] as string)) end += 1;
      segments.push(path.slice(position, end));
      position = end;
      expectName = false;
    } else {
      const unexpected = JSON.stringify(char);
      throw new PathSyntaxError(path, `has an unexpected ${unexpected} at position ${position + 1}`);
    }
  }
  return segments;
}

export function isValidPath(path: string): boolean {
  try {
    parsePath(path);
    return true;
  } catch {
    return false;
  }
}

/** The value at `path`, or undefined when any step along the way is missing. */
export function getPath(value: unknown, path: string | readonly PathSegment[]): unknown {
  const segments = typeof path === "string" ? parsePath(path) : path;
  let current = value;
  for (const segment of segments) {
    if (typeof current !== "object" || current === null) return undefined;
    const key = String(segment);
    // Own properties only: a column called "constructor" must not reach Object.prototype.
    if (!Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

const FORBIDDEN_KEYS = new Set(["__proto__", "prototype", "constructor"]);

/**
 * Names that reach an object's prototype when used as a key ("__proto__") or walk to it
 * ("constructor.prototype"). No path walker and no request body may use them.
 */
export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN_KEYS.has(key);
}

function assign(container: unknown, segments: readonly PathSegment[], value: unknown): unknown {
  const [head, ...rest] = segments;
  if (head === undefined) return value;
  const key = String(head);
  if (isForbiddenKey(key)) throw new Error(`cannot set ${JSON.stringify(key)}: it names an object's prototype`);
  const existing =
    typeof container === "object" && container !== null && Object.hasOwn(container, key)
      ? (container as Record<string, unknown>)[key]
      : undefined;
  const child = assign(existing, rest, value);
  if (Array.isArray(container) && /^\d+$/.test(key)) {
    const copy = [...container];
    copy[Number(key)] = child;
    return copy;
  }
  if (typeof container === "object" && container !== null && !Array.isArray(container)) {
    return { ...container, [key]: child };
  }
  // Nothing usable here yet: create what the path asks for.
  if (typeof head === "number") {
    const created: unknown[] = [];
    created[head] = child;
    return created;
  }
  return { [key]: child };
}

/**
 * A copy of `value` with `path` set, creating objects (or arrays for [n]) on the way.
 * The input is never changed; only the objects along the path are copied.
 */
export function setPath<T>(value: T, path: string | readonly PathSegment[], newValue: unknown): T {
  const segments = typeof path === "string" ? parsePath(path) : path;
  return assign(value, segments, newValue) as T;
}
