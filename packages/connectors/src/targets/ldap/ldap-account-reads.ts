import { EqualityFilter, OrFilter, type Entry } from "ldapts";
import { ConnectorError } from "../../connector-error.ts";
import type { TargetAccount } from "../target-connector.ts";
import { accountAttributes, attempt, referenceOf, referenceReading, rootEntry, toTargetAccount, withinFilter, type LdapContext } from "./ldap-entries.ts";
import { attributeOf, checkAttributeName, entryValues, isWithin } from "./ldap-values.ts";

/** Read-only account operations: correlation lookups, unique-value checks and the inventory list. */

/** Accounts whose attribute equals the value (correlation): every match, so "several" is seen. */
export async function findAccounts(context: LdapContext, attribute: string, value: string): Promise<TargetAccount[]> {
  checkAttributeName(attribute, "the correlation attribute");
  const { config, directory } = context;
  const filter = withinFilter(config.accountFilter, new EqualityFilter({ attribute, value }));
  const result = await attempt(context, `looking for accounts with ${attribute}`, () =>
    directory.search(config.baseDn, { scope: "sub", filter, attributes: accountAttributes(config), paged: { pageSize: config.pageSize }, ...referenceReading(config) }),
  );
  return result.searchEntries.map((entry) => toTargetAccount(config, entry));
}

/**
 * The naming context that holds the base DN. Unique values (sAMAccountName, userPrincipalName,
 * mail) must be unique in the whole directory, not only under the base DN: an entry elsewhere
 * (another OU, a group, a contact) makes the directory refuse the create just the same.
 */
async function namingContext(context: LdapContext): Promise<string> {
  const entry = await rootEntry(context);
  const candidates = entry ? [...entryValues(attributeOf(entry, "defaultNamingContext")), ...entryValues(attributeOf(entry, "namingContexts"))] : [];
  const holding = candidates.filter((candidate) => candidate && isWithin(context.config.baseDn, candidate));
  return holding.sort((left, right) => left.length - right.length)[0] ?? context.config.baseDn;
}

/** Values per search in valuesMaybeInUse: a filter of this many terms stays well within any server's limits. */
const VALUES_PER_SEARCH = 100;

/**
 * Of many values, those some entry of the directory may hold (one search per hundred values):
 * a value not returned is free; one returned (compared without case) is for valueInUse to judge.
 */
export async function valuesMaybeInUse(context: LdapContext, attribute: string, values: readonly string[]): Promise<Set<string>> {
  checkAttributeName(attribute, "the unique attribute");
  const searchBase = await namingContext(context);
  const held = new Set<string>();
  for (let start = 0; start < values.length; start += VALUES_PER_SEARCH) {
    const filters = values.slice(start, start + VALUES_PER_SEARCH).map((value) => new EqualityFilter({ attribute, value }));
    const result = await attempt(context, `checking which ${attribute} values are in use`, () =>
      context.directory.search(searchBase, { scope: "sub", filter: new OrFilter({ filters }), attributes: [attribute], paged: { pageSize: context.config.pageSize } }),
    );
    for (const entry of result.searchEntries) for (const value of entryValues(attributeOf(entry, attribute))) held.add(value.toLowerCase());
  }
  return new Set(values.filter((value) => held.has(value.toLowerCase())));
}

/** Whether any entry of the directory (other than the account `exceptReference`) holds the value. */
export async function valueInUse(context: LdapContext, attribute: string, value: string, exceptReference?: string): Promise<boolean> {
  checkAttributeName(attribute, "the unique attribute");
  const { config, directory } = context;
  const searchBase = await namingContext(context);
  const result = await attempt(context, `checking whether a ${attribute} value is in use`, () =>
    directory.search(searchBase, {
      scope: "sub",
      filter: new EqualityFilter({ attribute, value }),
      attributes: [config.referenceAttribute],
      sizeLimit: 2,
      ...referenceReading(config),
    }),
  );
  return result.searchEntries.some((entry: Entry) => exceptReference === undefined || !sameReference(config.referenceAttribute, entry, exceptReference, context));
}

function sameReference(attribute: string, entry: Entry, reference: string, context: LdapContext): boolean {
  if (attributeOf(entry, attribute) === undefined) return false;
  return referenceOf(context.config, entry).toLowerCase() === reference.toLowerCase();
}

type EntryPages = AsyncGenerator<{ searchEntries: Entry[] }>;
const MAX_OPEN_LISTINGS = 8;

/**
 * Accounts one page at a time with the paged-results control. The server's paging cookie belongs
 * to the connection, so the cursor names a search kept open in this session. Each answer already
 * holds the following page, so the last page comes without a cursor, as the contract says.
 */
export class AccountPager {
  private readonly searches = new Map<string, { pages: EntryPages; following: Entry[] }>();
  private sequence = 0;

  constructor(private readonly context: LdapContext) {}

  async page(request: { cursor?: string; limit: number }): Promise<{ accounts: TargetAccount[]; cursor?: string }> {
    const { config } = this.context;
    let entries: Entry[];
    let pages: EntryPages;
    if (request.cursor !== undefined) {
      const search = this.searches.get(request.cursor);
      if (!search) throw new ConnectorError("missing_input", `the cursor '${request.cursor.slice(0, 50)}' belongs to another session or was used already: start the listing again without a cursor`);
      this.searches.delete(request.cursor);
      ({ pages, following: entries } = search);
    } else {
      pages = this.context.directory.searchPaginated(config.baseDn, {
        scope: "sub",
        filter: withinFilter(config.accountFilter),
        attributes: accountAttributes(config),
        paged: { pageSize: Math.max(1, Math.min(request.limit, config.pageSize)) },
        ...referenceReading(config),
      });
      entries = (await this.next(pages)) ?? [];
    }
    const following = await this.next(pages);
    const accounts = entries.map((entry) => toTargetAccount(config, entry));
    if (!following) return { accounts };
    const cursor = `page-${(this.sequence += 1)}`;
    this.searches.set(cursor, { pages, following });
    // Listings abandoned half-way keep a search open on the server: only the latest few stay.
    for (const [oldest, search] of this.searches) {
      if (this.searches.size <= MAX_OPEN_LISTINGS) break;
      this.searches.delete(oldest);
      await search.pages.return(undefined).catch(() => undefined);
    }
    return { accounts, cursor };
  }

  private async next(pages: EntryPages): Promise<Entry[] | undefined> {
    const result = await attempt(this.context, `listing accounts under ${this.context.config.baseDn}`, () => pages.next());
    return result.done ? undefined : result.value.searchEntries;
  }

  async close(): Promise<void> {
    for (const search of this.searches.values()) await search.pages.return(undefined).catch(() => undefined);
    this.searches.clear();
  }
}
