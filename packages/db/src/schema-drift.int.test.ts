import { readdir, readFile } from "node:fs/promises";
import { getDMMF } from "@prisma/internals";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "./testing/admin.ts";

/**
 * Prisma Migrate cannot run here, so the tables come from SQL migrations while the typed client
 * comes from schema.prisma. This test fails as soon as the two disagree: tables, columns, types,
 * nullability, primary keys and foreign keys.
 */
type Column = { table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: "YES" | "NO" };
type Field = Awaited<ReturnType<typeof getDMMF>>["datamodel"]["models"][number]["fields"][number];

let db: pg.Client;
let models: Awaited<ReturnType<typeof getDMMF>>["datamodel"]["models"];
let enums: Awaited<ReturnType<typeof getDMMF>>["datamodel"]["enums"];
let columns: Column[];

const IGNORED_TABLES = new Set(["schema_migrations"]);

beforeAll(async () => {
  const schemaDir = new URL("../prisma/schema/", import.meta.url);
  const files = (await readdir(schemaDir)).filter((name) => name.endsWith(".prisma")).sort();
  const datamodel = (await Promise.all(files.map((name) => readFile(new URL(name, schemaDir), "utf8")))).join("\n");
  ({ models, enums } = (await getDMMF({ datamodel })).datamodel);
  db = await connect(process.env.DATABASE_OWNER_URL!);
  columns = (
    await db.query<Column>(
      "SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position",
    )
  ).rows;
});

afterAll(() => db.end());

const tableName = (model: (typeof models)[number]) => model.dbName ?? model.name;
const columnName = (field: Field) => field.dbName ?? field.name;

/** The PostgreSQL type a Prisma field maps to (information_schema's udt_name). */
function expectedUdt(field: Field): string {
  // PostgreSQL names an array type after its element type with a leading underscore.
  if (field.isList) return `_${expectedUdt({ ...field, isList: false })}`;
  if (field.kind === "enum") return enums.find((e) => e.name === field.type)?.dbName ?? field.type;
  const native = field.nativeType?.[0];
  if (native) return ({ Uuid: "uuid", Char: "bpchar", Timestamptz: "timestamptz", Text: "text" } as Record<string, string>)[native] ?? native.toLowerCase();
  return ({ String: "text", DateTime: "timestamp", Boolean: "bool", Int: "int4", BigInt: "int8", Bytes: "bytea", Json: "jsonb", Float: "float8" } as Record<string, string>)[field.type] ?? field.type;
}

describe("schema.prisma agrees with the migrated database", () => {
  it("has a table for every model and a model for every table", async () => {
    const dbTables = new Set(columns.map((c) => c.table_name).filter((t) => !IGNORED_TABLES.has(t)));
    expect(new Set(models.map(tableName))).toEqual(dbTables);
  });

  it("has the same columns, types and nullability", () => {
    for (const model of models) {
      const table = tableName(model);
      const scalarFields = model.fields.filter((f) => f.kind === "scalar" || f.kind === "enum");
      const dbColumns = columns.filter((c) => c.table_name === table);
      expect(dbColumns.map((c) => c.column_name).sort(), table).toEqual(scalarFields.map(columnName).sort());
      for (const field of scalarFields) {
        const column = dbColumns.find((c) => c.column_name === columnName(field))!;
        expect(column.udt_name, `${table}.${column.column_name} type`).toBe(expectedUdt(field));
        expect(column.is_nullable === "NO", `${table}.${column.column_name} NOT NULL`).toBe(field.isRequired);
      }
    }
  });

  it("has the same primary keys", async () => {
    for (const model of models) {
      const table = tableName(model);
      const byName = new Map(model.fields.map((f) => [f.name, columnName(f)]));
      const expected = model.primaryKey ? model.primaryKey.fields.map((f) => byName.get(f)) : model.fields.filter((f) => f.isId).map(columnName);
      const actual = await db.query<{ column: string }>(
        `SELECT a.attname AS column FROM pg_index i
           JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
          WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`,
        [`public.${table}`],
      );
      expect(actual.rows.map((r) => r.column), table).toEqual(expected);
    }
  });

  it("has the same foreign keys", async () => {
    const actual = await db.query<{ from_table: string; from_columns: string[]; to_table: string; to_columns: string[] }>(
      `SELECT c.conrelid::regclass::text AS from_table, c.confrelid::regclass::text AS to_table,
              array(SELECT attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute ON attrelid = c.conrelid AND attnum = k.n ORDER BY k.o) AS from_columns,
              array(SELECT attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute ON attrelid = c.confrelid AND attnum = k.n ORDER BY k.o) AS to_columns
         FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`,
    );
    const describeKey = (fk: { from_table: string; from_columns: string[]; to_table: string; to_columns: string[] }) =>
      `${fk.from_table}(${fk.from_columns.join(",")}) -> ${fk.to_table}(${fk.to_columns.join(",")})`;
    const expected = models.flatMap((model) =>
      model.fields
        .filter((f) => f.kind === "object" && f.relationFromFields && f.relationFromFields.length > 0)
        .map((f) => {
          const target = models.find((m) => m.name === f.type)!;
          const col = (m: typeof model, name: string) => columnName(m.fields.find((x) => x.name === name)!);
          return describeKey({
            from_table: tableName(model),
            from_columns: f.relationFromFields!.map((n) => col(model, n)),
            to_table: tableName(target),
            to_columns: (f.relationToFields ?? []).map((n) => col(target, n)),
          });
        }),
    );
    expect(actual.rows.map(describeKey).sort()).toEqual(expected.sort());
  });
});
