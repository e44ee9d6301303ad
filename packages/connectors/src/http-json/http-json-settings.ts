import { z } from "zod";
import { httpAuthSchema } from "../http/http-auth.ts";

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" });
const fieldPath = z.string().min(1).max(500);
const paramName = z.string().min(1).max(100);
/** Every limit an administrator sets has a ceiling: a typo must not let one fetch run for days. */
const MAX_PAGE_SIZE = 10_000;
const MINUTE = 60_000;

export const httpPaginationSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("none") }),
  z.object({
    /** ?page=1, ?page=2, … */
    type: z.literal("page"),
    param: paramName.default("page"),
    /** Sent with `size` when set; without it `size` is the page size the server uses anyway. */
    sizeParam: paramName.optional(),
    size: z.number().int().positive().max(MAX_PAGE_SIZE).default(100),
    startAt: z.number().int().min(0).max(1_000_000).default(1),
    /**
     * Stop at the first page with fewer than `size` records (saves a request). Turn off for a
     * server that may return fewer than asked (it caps the page size): then only an empty page stops.
     */
    stopOnShortPage: z.boolean().default(true),
  }),
  z.object({
    /** ?offset=0&limit=100, ?offset=100&limit=100, … (the offset advances by the records received). */
    type: z.literal("offset"),
    offsetParam: paramName.default("offset"),
    limitParam: paramName.default("limit"),
    limit: z.number().int().positive().max(MAX_PAGE_SIZE).default(100),
    stopOnShortPage: z.boolean().default(true),
  }),
  z.object({
    /** The answer holds the next cursor at cursorPath; sent back as ?cursorParam=…; none = last page. */
    type: z.literal("cursor"),
    cursorPath: fieldPath,
    cursorParam: paramName.default("cursor"),
  }),
  z.object({
    /** The answer holds the full URL of the next page at nextPath (e.g. "@odata.nextLink"); none = last page. */
    type: z.literal("next-link"),
    nextPath: fieldPath,
  }),
  z.object({
    /** The Link header's rel="next" (RFC 8288) names the next page; none = last page. */
    type: z.literal("link-header"),
  }),
]);

export type HttpPagination = z.output<typeof httpPaginationSchema>;

/** An extra endpoint of the same API (same auth and headers); pagination defaults to the persons endpoint's. */
const endpointShape = {
  url: httpUrl,
  /** Dot path to the array of records in the answer, e.g. "data.items"; "" when the answer is the array. */
  recordsPath: z.string().max(500).default(""),
  pagination: httpPaginationSchema.optional(),
};

export const httpJsonSettingsSchema = z.object({
  /** The persons endpoint. */
  url: httpUrl,
  recordsPath: z.string().max(500).default(""),
  pagination: httpPaginationSchema.default({ type: "none" }),
  auth: httpAuthSchema.default({ type: "none" }),
  /** Extra request headers; not secret (credentials belong in auth). */
  headers: z.record(z.string().min(1).max(200), z.string().max(10_000)).refine((headers) => Object.keys(headers).length <= 50, { error: "at most 50 headers" }).default({}),
  contracts: z
    .discriminatedUnion("source", [
      z.object({ source: z.literal("none") }),
      /** Each person record holds its contracts at this dot path. */
      z.object({ source: z.literal("person-field"), path: fieldPath }),
      /** A separate endpoint; contract[joinKey] matches person[personKey] (dot paths, compared as text). */
      z.object({ source: z.literal("endpoint"), ...endpointShape, personKey: fieldPath, joinKey: fieldPath }),
    ])
    .default({ source: "none" }),
  departments: z.object(endpointShape).optional(),
  limits: z
    .object({
      /** Per endpoint; reaching it fails the fetch instead of silently importing part of the data. */
      maxPages: z.number().int().positive().max(1_000_000).default(10_000),
      timeoutMs: z.number().int().positive().max(10 * MINUTE).default(30_000),
      /** All answers of one fetch together. */
      maxTotalBytes: z.number().int().positive().max(1024 * 1024 * 1024).default(500 * 1024 * 1024),
      maxRetries: z.number().int().min(0).max(10).default(4),
      retryBaseDelayMs: z.number().int().min(0).max(MINUTE).default(500),
      /** Longest wait between retries; a Retry-After asking for more fails the fetch. */
      maxRetryDelayMs: z.number().int().positive().max(15 * MINUTE).default(60_000),
    })
    .prefault({}),
});

export type HttpJsonSettingsInput = z.input<typeof httpJsonSettingsSchema>;
export type HttpJsonSettings = z.output<typeof httpJsonSettingsSchema>;

export const httpJsonSecretFields = ["auth.password", "auth.token", "auth.value"] as const;
