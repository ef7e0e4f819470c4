import type pg from "pg";
import { SKIPPED_TABLES } from "./manifest.ts";

type Queryable = Pick<pg.Client, "query">;

/**
 * The app's tables in the public schema (partitions are read through their parent), ordered so that
 * every table follows the tables its foreign keys reference: a restore can load them in this order
 * with every constraint checked, as the owner, without superuser rights.
 */
export async function tablesInLoadOrder(client: Queryable): Promise<{ name: string; columns: string[] }[]> {
  const tables = await client.query<{ name: string; columns: string[] }>(
    `SELECT c.relname AS name,
            array(SELECT a.attname FROM pg_attribute a
                  WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                  ORDER BY a.attnum)::text[] AS columns
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND NOT (c.relname = ANY($1::text[]))
      ORDER BY c.relname`,
    [SKIPPED_TABLES],
  );
  const references = await client.query<{ child: string; parent: string }>(
    `SELECT DISTINCT child.relname AS child, parent.relname AS parent
       FROM pg_constraint k
       JOIN pg_class child ON child.oid = k.conrelid
       JOIN pg_class parent ON parent.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = child.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public' AND child.oid <> parent.oid`,
  );
  const parents = new Map<string, Set<string>>(tables.rows.map((table) => [table.name, new Set<string>()]));
  for (const { child, parent } of references.rows) parents.get(child)?.add(parent);

  const ordered: { name: string; columns: string[] }[] = [];
  const placed = new Set<string>();
  let remaining = tables.rows;
  while (remaining.length > 0) {
    const ready = remaining.filter((table) => [...parents.get(table.name)!].every((parent) => placed.has(parent) || !parents.has(parent)));
    if (ready.length === 0) {
      throw new Error(`Foreign keys form a cycle between ${remaining.map((table) => table.name).join(", ")}: no load order exists.`);
    }
    for (const table of ready) placed.add(table.name);
    ordered.push(...ready);
    remaining = remaining.filter((table) => !placed.has(table.name));
  }
  return ordered;
}

export async function appliedMigrations(client: Queryable): Promise<string[]> {
  const exists = await client.query("SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = 'schema_migrations'");
  if (exists.rowCount === 0) return [];
  return (await client.query<{ name: string }>("SELECT name FROM public.schema_migrations ORDER BY id")).rows.map((row) => row.name);
}

export function quoteTable(name: string, escape: (identifier: string) => string): string {
  return `public.${escape(name)}`;
}
