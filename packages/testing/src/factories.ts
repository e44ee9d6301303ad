// Domain factories for tests (after Immich's medium.factory): `ctx.newTenant()`,
// `ctx.newSourceSystem(tenant)`, `ctx.newPersons(tenant, [...])`. Each one goes through the API as
// an administrator would, so validation, audit entries and snapshots happen as in production;
// a test writes only what it cares about and the rest has a default.
import { afterAll, beforeAll, expect } from "vitest";
import { startTestApi, TEST_PASSWORD, type TestApi, type TestClient } from "@idlife/api/testing";
import type { MemberRole } from "@idlife/contracts";
import { importNow, startTestWorker, uploadCsv, type TestWorker } from "./harness.ts";
import { exampleSources, readExample, readExampleJson, type ExampleSourceName } from "./examples.ts";
import { csvOf, hrColumns, hrContractColumns, hrMapping, hrRows, type PersonSpec } from "./hr-layout.ts";

export interface FactoryMember {
  email: string;
  role: MemberRole;
  /** Signed in, speaking for the tenant. */
  client: TestClient;
}

export interface FactoryTenant extends FactoryMember {
  tenantId: string;
  slug: string;
  /** The owner, who arranges what the factories make (the member above may lack the rights). */
  owner: FactoryMember;
}

export interface FactorySource {
  id: string;
  name: string;
  /** The header of the files `importCsv` builds from rows. */
  columns: readonly string[];
}

export interface SourceOptions {
  name?: string;
  type?: "csv" | "script";
  /** Columns of the persons file; the default is the HR layout of `hr-layout.ts`. */
  columns?: readonly string[];
  contractColumns?: string[];
  personKey?: string;
  /** Further settings of the persons file (encoding, url, ...). */
  persons?: Record<string, unknown>;
  mapping?: unknown;
  /** The default lets persons come and go freely; `null` keeps the product's default limits. */
  thresholds?: Record<string, unknown> | null;
  /** The whole settings, for layouts and connectors other than a single CSV file. */
  settings?: Record<string, unknown>;
  secrets?: Record<string, string>;
}

export type CsvContent = string | Uint8Array<ArrayBuffer> | Array<string | Record<string, string | number | undefined>>;

/** A person as GET /persons/:id shows it. */
export type PersonView = { id: string; externalId: string; displayName: string; status: string; sourceSystemIds: string[]; data: Record<string, any> } & Record<string, any>;

const permissive = { removed: { percent: 100 }, added: { percent: 100 } };
let sequence = 0;
const nextName = (prefix: string) => `${prefix} ${++sequence}`;

/** Factories on a running test API (with a worker on it when imports should run). */
export function createFactories(api: TestApi) {
  const signIn = async (email: string) => {
    const client = api.client();
    const response = await client.post("/api/v1/auth/sign-in", { email, password: TEST_PASSWORD });
    expect(response.status, response.text).toBe(200);
    return client;
  };

  const factories = {
    /** An account invited by the tenant's owner with the role, which accepted the invitation. */
    async newMember(tenant: Pick<FactoryTenant, "tenantId" | "owner">, role: MemberRole): Promise<FactoryMember> {
      const user = await api.createUser();
      const invited = await tenant.owner.client.post("/api/v1/members", { email: user.email, displayName: `${role} member`, role });
      expect(invited.status, invited.text).toBe(202);
      const client = await signIn(user.email);
      const invitations = (await client.get("/api/v1/invitations")).body as Array<{ id: string; tenantId: string }>;
      const invitation = invitations.find((candidate) => candidate.tenantId === tenant.tenantId);
      expect(invitation, JSON.stringify(invitations)).toBeDefined();
      const accepted = await client.post(`/api/v1/invitations/${invitation!.id}/accept`);
      expect(accepted.status, accepted.text).toBe(200);
      return { email: user.email, role, client: client.forTenant(tenant.tenantId) };
    },

    /** A fresh tenant; `client` speaks as a member of the given role (default the owner). */
    async newTenant(options: { role?: MemberRole } = {}): Promise<FactoryTenant> {
      const created = await api.createTenantWithMember("owner");
      const owner: FactoryMember = { email: created.email, role: "owner", client: created.client };
      const base = { tenantId: created.tenantId, slug: created.slug, owner };
      const role = options.role ?? "owner";
      const member = role === "owner" ? owner : await factories.newMember(base, role);
      return { ...base, ...member };
    },

    /** An API key of the tenant with the scopes, and a client that authenticates with it. */
    async newApiKey(tenant: Pick<FactoryTenant, "owner">, scopes: string[]) {
      const key = await api.createApiKey(tenant.owner.client, scopes);
      return { ...key, client: api.client().withApiKey(key.secret) };
    },

    /** A CSV source system (semicolons, one row per contract) created through the API. */
    async newSourceSystem(tenant: Pick<FactoryTenant, "owner">, options: SourceOptions = {}): Promise<FactorySource> {
      const columns = options.columns ?? hrColumns;
      const name = options.name ?? nextName("HR");
      const contractColumns = options.contractColumns ?? (options.columns ? [] : hrContractColumns);
      const persons = { delimiter: ";", personKey: options.personKey ?? "Id", ...(contractColumns.length ? { contractColumns } : {}), ...options.persons };
      const settings = options.settings ?? { layout: "single", persons };
      const thresholds = options.thresholds === undefined ? permissive : options.thresholds;
      const response = await tenant.owner.client.post("/api/v1/source-systems", {
        name,
        connectorType: options.type ?? "csv",
        settings,
        mapping: options.mapping ?? hrMapping,
        ...(thresholds ? { thresholds } : {}),
        ...(options.secrets ? { secrets: options.secrets } : {}),
      });
      expect(response.status, response.text).toBe(201);
      return { id: response.body.id as string, name, columns };
    },

    /**
     * A source system of the example organisation with its settings and mapping (changed by
     * `mapping` when given) and its files uploaded, the product's default thresholds.
     */
    async newExampleSource(tenant: Pick<FactoryTenant, "owner">, example: ExampleSourceName, options: { mapping?: (mapping: any) => unknown } = {}): Promise<FactorySource> {
      const { name, files } = exampleSources[example];
      const mapping = readExampleJson(`mappings/${example}.json`);
      const settings = readExampleJson(`sources/${example}.csv-settings.json`);
      const source = await factories.newSourceSystem(tenant, { name, settings, mapping: options.mapping ? options.mapping(mapping) : mapping, thresholds: null });
      for (const [role, file] of Object.entries(files)) await uploadCsv(tenant.owner.client, source.id, readExample(file), role);
      return source;
    },

    /**
     * Uploads the persons file (a CSV, bytes, or rows laid out by the source's columns), imports it
     * and waits for the outcome; fails the test unless it ends as `expectStatus` (null: any).
     */
    async importCsv(tenant: Pick<FactoryTenant, "owner">, source: FactorySource, content: CsvContent, options: { expectStatus?: string | null } = {}) {
      await uploadCsv(tenant.owner.client, source.id, Array.isArray(content) ? csvOf(source.columns, content) : content);
      const run = await importNow(tenant.owner.client, source.id);
      const expected = options.expectStatus === undefined ? "completed" : options.expectStatus;
      if (expected !== null) expect(run.status, JSON.stringify(run)).toBe(expected);
      return run;
    },

    /**
     * Persons with their contracts, imported through a source system in the HR layout (a new one
     * unless given), as the API shows them, in the order given.
     */
    async newPersons(tenant: Pick<FactoryTenant, "owner">, specs: PersonSpec[], options: { source?: FactorySource } = {}): Promise<PersonView[]> {
      const source = options.source ?? (await factories.newSourceSystem(tenant));
      await factories.importCsv(tenant, source, hrRows(specs));
      return Promise.all(specs.map((spec) => factories.personByExternalId(tenant, spec.externalId)));
    },

    /** One person of the tenant by their ExternalId, as GET /persons/:id shows them. */
    async personByExternalId(tenant: Pick<FactoryTenant, "owner">, externalId: string): Promise<PersonView> {
      const client = tenant.owner.client;
      const page = await client.get(`/api/v1/persons?search=${encodeURIComponent(externalId)}&limit=100`);
      const summary = (page.body.items as Array<{ id: string; externalId: string }>).find((item) => item.externalId === externalId);
      expect(summary, `no person with ExternalId ${externalId} in the tenant`).toBeDefined();
      return (await client.get(`/api/v1/persons/${summary!.id}`)).body;
    },
  };
  return factories;
}

export type Factories = ReturnType<typeof createFactories>;

/**
 * The test API (and with `worker: true` a worker on it) for the tests of one file, with the
 * factories on it. Use `ctx.api` and the factories inside tests and hooks, not at module level.
 */
export function useFactories(options: { worker?: boolean; apiEnv?: Record<string, string>; workerEnv?: Record<string, string> } = {}) {
  let api: TestApi | undefined;
  let worker: TestWorker | undefined;
  let factories: Factories | undefined;
  const started = () => {
    if (!api || !factories) throw new Error("useFactories: the test API starts in beforeAll; use ctx inside tests and hooks");
    return { api, factories };
  };
  beforeAll(async () => {
    api = await startTestApi(options.apiEnv);
    if (options.worker) worker = await startTestWorker(api, options.workerEnv);
    factories = createFactories(api);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });
  const call =
    <K extends keyof Factories>(name: K) =>
    (...args: Parameters<Factories[K]>): ReturnType<Factories[K]> =>
      (started().factories[name] as (...args: Parameters<Factories[K]>) => ReturnType<Factories[K]>)(...args);
  return {
    get api() {
      return started().api;
    },
    get worker() {
      if (!worker) throw new Error("useFactories: no worker; pass { worker: true }");
      return worker;
    },
    newTenant: call("newTenant"),
    newMember: call("newMember"),
    newApiKey: call("newApiKey"),
    newSourceSystem: call("newSourceSystem"),
    newExampleSource: call("newExampleSource"),
    importCsv: call("importCsv"),
    newPersons: call("newPersons"),
    personByExternalId: call("personByExternalId"),
  };
}
