// The session's transport: in plan mode a fetch that refuses every request but GET and HEAD (the
// token request excepted: it writes nothing in the directory), reporting each refusal as a
// "would write" line for the preview.
import { PlanModeWriteRefused, type RefusedWrite } from "../target-connector.ts";

const READ_METHODS = new Set(["GET", "HEAD"]);

export function planSafeFetch(options: {
  mode: "plan" | "apply";
  fetch: typeof fetch;
  tokenUrl: string;
  graphUrl: string;
  onRefusedWrite?: (write: RefusedWrite) => void;
}): typeof fetch {
  if (options.mode === "apply") return options.fetch;
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === "string" || input instanceof URL ? String(input) : input.url;
    const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
    if (READ_METHODS.has(method) || (method === "POST" && url === options.tokenUrl)) return options.fetch(input, init);
    const path = url.startsWith(options.graphUrl) ? url.slice(options.graphUrl.length) : new URL(url).pathname;
    const description = `${method} ${path}`;
    options.onRefusedWrite?.({ description });
    throw new PlanModeWriteRefused(description);
  }) as typeof fetch;
}

/** Retry-After in seconds or as an HTTP date, in milliseconds; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
