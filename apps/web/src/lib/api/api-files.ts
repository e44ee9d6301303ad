import { routePath, type RouteContract, type RouteOutput, type RouteParams, type RouteQuery } from "@idlife/contracts";
import { API_BASE, buildHeaders, readJson } from "./api-client.ts";
import { NetworkError, UnexpectedResponseError, toApiError } from "./api-error.ts";

/**
 * Files travel as they are, not as JSON: an upload is the file itself as the request body, a
 * download is read as a Blob. Both still carry the tenant and the CSRF header.
 */
export async function uploadFile<TRoute extends RouteContract>(
  route: TRoute,
  params: RouteParams<TRoute>,
  file: File,
  options: { tenantId: string },
): Promise<RouteOutput<TRoute>> {
  const method = route.method;
  const path = routePath(route, params as object);
  const headers = buildHeaders(method, { tenantId: options.tenantId, hasBody: false });
  headers.set("Content-Type", file.type || "application/octet-stream");
  // Header values must be ISO-8859-1; a name like "medewerkers-zoë.csv" is sent percent-encoded.
  headers.set("X-File-Name", headerSafeFileName(file.name));
  const response = await send(`${API_BASE}${path}`, { method, headers, body: file, credentials: "same-origin" });
  if (!response.ok) throw toApiError(response.status, await readJson(response));
  if (!route.response) return undefined as RouteOutput<TRoute>;
  const parsed = route.response.safeParse(await readJson(response));
  if (!parsed.success) throw new UnexpectedResponseError(route.path, parsed.error);
  return parsed.data as RouteOutput<TRoute>;
}

/** A file route (CSV export): the query is serialised as the typed client would. */
export async function downloadFile<TRoute extends RouteContract>(
  route: TRoute,
  query: RouteQuery<TRoute>,
  options: { tenantId: string },
): Promise<Blob> {
  const path = routePath(route, undefined, query as object | undefined);
  const headers = buildHeaders("GET", { tenantId: options.tenantId, hasBody: false });
  headers.set("Accept", "*/*");
  const response = await send(`${API_BASE}${path}`, { headers, credentials: "same-origin" });
  if (!response.ok) throw toApiError(response.status, await readJson(response));
  return response.blob();
}

async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    throw new NetworkError(error);
  }
}

/** Keeps plain names as they are; anything outside printable ASCII is percent-encoded. */
export function headerSafeFileName(name: string): string {
  return /^[\x20-\x7e]*$/.test(name) ? name : encodeURIComponent(name);
}

/** Hands a Blob to the browser as a file download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers start the download asynchronously after click().
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
