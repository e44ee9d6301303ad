import type { z } from "zod";

/**
 * The target side of the connector registry: one small contract every target connector
 * (Active Directory / LDAP, Entra ID, SCIM, script) implements, registered once in
 * target-catalogue.ts. The engine (packages/use-cases/src/targets, apps/worker) is the only caller.
 *
 * Plan and apply are separate and the engine enforces it: a session opened in "plan" mode refuses
 * every write at its transport (an LDAP client that throws on add/modify/delete, a fetch that
 * refuses everything but GET/HEAD, a script bridge that does the same) and records what it refused
 * as "would write ..." lines. Preview, evaluation and dry runs only ever open "plan" sessions.
 */

/** A value of an account attribute as the engine hands it over and reads it back. */
export type AccountValue = string | number | boolean | null | string[];

/** Attribute name -> value, in the target's own attribute names (sAMAccountName, userPrincipalName, ...). */
export type AccountData = Record<string, AccountValue>;

/** An account as read from the target. */
export interface TargetAccount {
  /**
   * The stable reference the platform stores for this account (AD: objectGUID; LDAP: entryUUID;
   * Entra and SCIM: id). Never the DN or the name: those change when the account moves or is renamed.
   */
  reference: string;
  /** Where it is, for display and moves (LDAP: the DN; others: undefined). */
  location?: string;
  /** Its container (LDAP: the parent DN), when the connector has containers. */
  container?: string;
  enabled: boolean;
  /** The attributes read back (only those the connector was asked for or knows). */
  data: AccountData;
  /** Human-readable name for lists (displayName, cn, userName). */
  displayName?: string;
}

/** Something accounts can be members of: a group, a licence, a role, a mailbox, a share. */
export interface TargetPermission {
  /** Stable reference (AD: objectGUID or DN; Entra: the group or SKU id; SCIM: the Group id). */
  reference: string;
  displayName: string;
  /** "group", "licence", "role", ... as the connector names its kinds. */
  kind: string;
  description?: string;
}

export interface TargetConnectorCapabilities {
  /** Accounts can be enabled and disabled (AD userAccountControl, Entra accountEnabled, SCIM active). */
  enableDisable: boolean;
  /** Memberships can be granted and revoked. */
  permissions: boolean;
  /** A missing permission can be created (dynamic permissions: the group of the person's school). */
  createPermissions: boolean;
  /** Accounts live in containers (OUs) and can be moved between them. */
  containers: boolean;
  /** The connector sets a password on create (from the system's password policy). */
  passwords: boolean;
  /** Runs code written by the administrator (in the sandbox). */
  script: boolean;
  /** Every account can be read (inventory). */
  listAccounts: boolean;
}

/** One write the session refused in plan mode, described for the preview ("would write POST /Users"). */
export interface RefusedWrite {
  description: string;
}

export interface TargetOpenInput {
  mode: "plan" | "apply";
  settings: Record<string, unknown>;
  secrets: Record<string, string>;
  /** How HTTP requests are made (connectorFetch refuses private networks); default the global fetch. */
  fetch?: typeof fetch;
  signal?: AbortSignal;
  /** Called for each write refused in plan mode. */
  onRefusedWrite?: (write: RefusedWrite) => void;
}

/** What a write did; `messages` go into the audit entry (and a script's own audit messages). */
export interface TargetWriteResult {
  /** The account after the write, when the connector read it back or knows it. */
  account?: TargetAccount;
  /** "already": the target was already in the requested state (granted twice, revoked twice, ...). */
  outcome: "done" | "already";
  messages: string[];
}

export interface CreateAccountInput {
  data: AccountData;
  /** Where to create it (LDAP: parent DN), when the connector has containers. */
  container?: string;
  /** Generated from the system's password policy by the engine; never stored or logged. */
  password?: string;
  /** New accounts are created disabled unless the engine says otherwise. */
  enabled: boolean;
}

export interface UpdateAccountInput {
  /** Only the attributes that differ from the stored account data (null: clear it). */
  changes: AccountData;
  /** A new container (LDAP: moves the entry), when it changed. */
  container?: string;
}

/** A connection to one target system, opened for one batch of work and closed after it. */
export interface TargetSession {
  /** Throws ConnectorError with an actionable message when the system cannot be reached or refuses the credentials. */
  testConnection(): Promise<{ message: string }>;
  /** Accounts one page at a time (inventory); `cursor` undefined on the last page. */
  listAccounts(page: { cursor?: string; limit: number }): Promise<{ accounts: TargetAccount[]; cursor?: string }>;
  /** Accounts whose attribute equals the value (correlation): 0, 1 or several. */
  findAccounts(attribute: string, value: string): Promise<TargetAccount[]>;
  /** The account by its reference; null when it is gone. */
  getAccount(reference: string): Promise<TargetAccount | null>;
  /** Whether any account (other than `exceptReference`) holds this value (unique values: jdoe, jdoe2, ...). */
  valueInUse(attribute: string, value: string, exceptReference?: string): Promise<boolean>;
  /**
   * Of many values, those that may be in use (one request for a batch of new accounts); values
   * not returned are free, returned ones are checked with valueInUse. Optional: for connectors
   * that can ask for many values at once.
   */
  valuesMaybeInUse?(attribute: string, values: readonly string[]): Promise<Set<string>>;
  createAccount(input: CreateAccountInput): Promise<TargetWriteResult & { account: TargetAccount }>;
  updateAccount(reference: string, input: UpdateAccountInput): Promise<TargetWriteResult>;
  setAccountEnabled(reference: string, enabled: boolean): Promise<TargetWriteResult>;
  deleteAccount(reference: string): Promise<TargetWriteResult>;
  /** Every permission the system offers (groups under the configured OU, the tenant's licences, ...). */
  listPermissions(): Promise<TargetPermission[]>;
  /** The references of the permissions this account holds (read from the target). */
  accountPermissions(reference: string): Promise<string[]>;
  grantPermission(accountReference: string, permissionReference: string): Promise<TargetWriteResult>;
  revokePermission(accountReference: string, permissionReference: string): Promise<TargetWriteResult>;
  /**
   * Who holds a permission, as the members' locations (LDAP: DNs), read completely (AD: in ranges
   * of 1,500). Optional: for connectors whose permissions have readable member lists.
   */
  permissionMembers?(permissionReference: string): Promise<string[]>;
  /** Creates a permission by name (capability createPermissions). */
  createPermission?(name: string, kind: string): Promise<TargetPermission>;
  close(): Promise<void>;
}

/** A target connector: described for the portal and the API, and the one function the engine calls. */
export interface TargetConnector<Type extends string = string> {
  type: Type;
  label: string;
  description: string;
  /** Validates the settings and gives the portal their shape (z.toJSONSchema). */
  settingsSchema: z.ZodType;
  /** Dot paths into the settings that hold secrets: stored encrypted, never returned by the API. */
  secretFields: readonly string[];
  /** "declared": the secret fields only; "any": any name a script can use. */
  secretNames: "declared" | "any";
  capabilities: TargetConnectorCapabilities;
  /** Attributes the field mapping offers (the administrator may add others). */
  accountAttributes: readonly { name: string; description: string; required?: boolean }[];
  /** The attribute correlation matches on unless configured otherwise (employeeID, externalId, ...). */
  defaultCorrelationAttribute: string;
  /**
   * Errors the engine should retry later rather than record as failed (throttling, "busy",
   * connection refused): the connector throws TargetBusyError for those.
   */
  open(input: TargetOpenInput): Promise<TargetSession>;
}

/** Checks a connector's declaration where it is written (the type parameter keeps its literal type). */
export const defineTargetConnector = <Type extends string>(connector: TargetConnector<Type>) => connector;

/**
 * Thrown by a session when the target asks to be left alone for a while (HTTP 429 / 503 with
 * Retry-After, LDAP busy/unavailable, connection refused): the engine pauses that system only and
 * retries the action after `retryAfterMs` (or its own backoff).
 */
export class TargetBusyError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "TargetBusyError";
  }
}

/** Thrown by a plan-mode session's transport when something tries to write. */
export class PlanModeWriteRefused extends Error {
  constructor(readonly description: string) {
    super(`Plan mode refuses writes: would ${description}`);
    this.name = "PlanModeWriteRefused";
  }
}
