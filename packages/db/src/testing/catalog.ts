// A comparable description of a database's schema, read from the catalogs. Used to check that
// the migrations produce exactly what schema.prisma describes, and that re-running them is a
// no-op.
import type pg from "pg";

export interface CatalogDump {
  tables: string[];
  columns: string[];
  indexes: string[];
  constraints: string[];
  enums: string[];
  sequences: string[];
  /** Only with `security: true`: RLS flags, policies, privileges, functions, triggers. */
  security?: string[];
}

const IGNORED_TABLE = "_prisma_migrations";

/** Runs `sql`; $1, where used, is the name of the table to leave out. */
async function lines(client: pg.Client, sql: string): Promise<string[]> {
  const { rows } = await client.query<{ line: string }>(sql, sql.includes("$1") ? [IGNORED_TABLE] : []);
  return rows.map((row) => row.line);
}

/**
 * Tables, columns (type, nullability, default), indexes, constraints (primary, unique, foreign,
 * check), enums and sequences of the `public` schema, sorted, _prisma_migrations left out.
 * With `security`, also what Prisma does not describe: row-level security, policies, privileges,
 * functions and triggers.
 */
export async function dumpCatalog(client: pg.Client, options: { security?: boolean } = {}): Promise<CatalogDump> {
  const dump: CatalogDump = {
    tables: await lines(
      client,
      `SELECT c.relname AS line FROM pg_class c
       WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND c.relname <> $1
       ORDER BY 1`,
    ),
    columns: await lines(
      client,
      `SELECT concat_ws(' | ', table_name, column_name, data_type, udt_name,
                coalesce(character_maximum_length::text, '-'), coalesce(numeric_precision::text, '-'),
                coalesce(datetime_precision::text, '-'), is_nullable, coalesce(column_default, '-'),
                coalesce(is_identity, '-')) AS line
       FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> $1
       ORDER BY table_name, column_name`,
    ),
    indexes: await lines(
      client,
      `SELECT indexdef AS line FROM pg_indexes
       WHERE schemaname = 'public' AND tablename <> $1 ORDER BY tablename, indexname`,
    ),
    constraints: await lines(
      client,
      `SELECT concat_ws(' | ', rel.relname, con.conname, con.contype::text, pg_get_constraintdef(con.oid)) AS line
       FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid
       WHERE rel.relnamespace = 'public'::regnamespace AND rel.relname <> $1
       ORDER BY rel.relname, con.conname`,
    ),
    enums: await lines(
      client,
      `SELECT t.typname || ': ' || string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS line
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
       WHERE t.typnamespace = 'public'::regnamespace
       GROUP BY t.typname ORDER BY t.typname`,
    ),
    sequences: await lines(
      client,
      `SELECT concat_ws(' | ', sequence_name, data_type, start_value, increment) AS line
       FROM information_schema.sequences WHERE sequence_schema = 'public'
       ORDER BY sequence_name`,
    ),
  };
  if (options.security) {
    dump.security = await lines(
      client,
      `SELECT line FROM (
         SELECT 'rls | ' || relname || ' | ' || relrowsecurity || ' | ' || relforcerowsecurity || ' | ' ||
                coalesce(relacl::text, '-') AS line
         FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p', 'S')
         UNION ALL
         SELECT concat_ws(' | ', 'policy', tablename, policyname, permissive, roles::text, cmd,
                          coalesce(qual, '-'), coalesce(with_check, '-'))
         FROM pg_policies WHERE schemaname = 'public'
         UNION ALL
         SELECT concat_ws(' | ', 'function', p.proname, pg_get_function_identity_arguments(p.oid),
                          p.prosecdef::text, coalesce(p.proacl::text, '-'), md5(pg_get_functiondef(p.oid)))
         FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
         UNION ALL
         SELECT concat_ws(' | ', 'trigger', tgrelid::regclass::text, tgname, pg_get_triggerdef(oid))
         FROM pg_trigger WHERE NOT tgisinternal
         UNION ALL
         SELECT concat_ws(' | ', 'default-acl', defaclobjtype::text, defaclacl::text)
         FROM pg_default_acl
       ) s ORDER BY line`,
    );
  }
  return dump;
}
