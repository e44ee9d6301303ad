/**
 * JavaScript that runs INSIDE an isolate, shared by the mapping harness and the connector prelude:
 * turn whatever a script threw into a readable message, and find the script's line in a stack.
 * It is source text, not TypeScript, because it must be evaluated in the isolate's own realm.
 */
export const isolateHelpersSource = String.raw`
const MAX_MESSAGE_LENGTH = 2000;
function clip(text) {
  return text.length > MAX_MESSAGE_LENGTH ? text.slice(0, MAX_MESSAGE_LENGTH) + "…" : text;
}
function describeThrown(error) {
  try {
    if (error instanceof Error) {
      const message = String(error.message);
      return clip(error.name === "Error" ? message : error.name + ": " + message);
    }
    if (typeof error === "string") return clip(error);
    if (error !== null && typeof error === "object" && typeof error.message === "string") {
      return clip(error.message);
    }
    return clip("The script threw " + String(error));
  } catch {
    return "The script threw a value that cannot be described";
  }
}
// Line of the first stack frame inside the given file, or undefined.
function lineIn(error, filename) {
  let stack;
  try {
    stack = error !== null && typeof error === "object" ? error.stack : undefined;
  } catch {
    return undefined;
  }
  if (typeof stack !== "string") return undefined;
  const marker = filename + ":";
  const at = stack.indexOf(marker);
  if (at === -1) return undefined;
  const line = parseInt(stack.slice(at + marker.length), 10);
  return line > 0 ? line : undefined;
}
`;
