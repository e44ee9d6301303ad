import type { z } from "zod";
import { mergeSecrets } from "./secret-fields.ts";
import type { SourceFetchContext, SourceFetchResult } from "./types.ts";

/** What a connector can do, declared rather than guessed from its type name. */
export interface SourceConnectorCapabilities {
  /** Takes files uploaded through the portal or the API (by role: persons, contracts, departments). */
  uploads: boolean;
  /** Reaches out over the network (URLs, REST endpoints, a script's HTTP bridge). */
  network: boolean;
  /** Delivers departments as well as persons. */
  departments: boolean;
  /** Runs code written by the administrator (in the sandbox). */
  script: boolean;
}

/** What one fetch gets: the stored settings and the decrypted secrets apart, uploads by role. */
export interface SourceFetchInput extends SourceFetchContext {
  settings: Record<string, unknown>;
  secrets: Record<string, string>;
  uploads: Partial<Record<string, { fileName: string; content: Uint8Array }>>;
}

/** The settings with the secrets put back at their paths: what a connector's own fetch function reads. */
export const settingsWithSecrets = (input: SourceFetchInput) => mergeSecrets(input.settings, input.secrets);

/** The progress callback, signal and fetch of an input, only those it has. */
export function fetchContext(input: SourceFetchInput): SourceFetchContext {
  return {
    ...(input.fetch ? { fetch: input.fetch } : {}),
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    ...(input.signal ? { signal: input.signal } : {}),
  };
}

/** A source connector: described for the portal and the API, and the one function the worker calls. */
export interface SourceConnector<Type extends string = string> {
  type: Type;
  label: string;
  description: string;
  /** Validates the settings and gives the portal their shape (z.toJSONSchema). */
  settingsSchema: z.ZodType;
  /** Dot paths into the settings that hold secrets: stored encrypted, never returned by the API. */
  secretFields: readonly string[];
  /**
   * Free-form objects in the settings (extra headers, a script's config) whose secret-looking
   * entries (apiKey, token, Authorization…) are moved into the secrets, named namePrefix + key.
   */
  secretMaps: readonly { path: string; namePrefix: string }[];
  /** "declared": the secret fields (and moved headers) only; "any": any name a script can use. */
  secretNames: "declared" | "any";
  capabilities: SourceConnectorCapabilities;
  /** Reads the source's raw data; throws ConnectorError (or SandboxError) with an actionable message. */
  fetch(input: SourceFetchInput): Promise<SourceFetchResult>;
}

/** Checks a connector's declaration where it is written (the type parameter keeps its literal type). */
export const defineSourceConnector = <Type extends string>(connector: SourceConnector<Type>) => connector;
