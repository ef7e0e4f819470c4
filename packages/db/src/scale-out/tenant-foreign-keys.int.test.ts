import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asTenant, connect } from "../testing/admin.ts";
import { createTenantRows, type TenantFixture } from "../testing/tenant-fixture.ts";
import { readDistributionCatalog, type CatalogForeignKey } from "./catalog.ts";
import { placementOf } from "./rules.ts";

/**
 * The third lock beside the application's checks and row-level security: a foreign key that starts
 * with tenant_id on both sides can only point at a row of the same workspace. Tried here without
 * row-level security (as a superuser, which bypasses it) and without the tables' own guard triggers
 * (disabled inside a rolled-back transaction), so only the key stands in the way.
 */
let admin: pg.Client;
let app: pg.Client;
let a: TenantFixture;
let b: TenantFixture;
let sameTenantKeys: CatalogForeignKey[];
let allKeys: CatalogForeignKey[];

beforeAll(async () => {
  admin = await connect(process.env.DATABASE_ADMIN_URL_FOR_TESTS!);
  app = await connect(process.env.DATABASE_URL!);
  const owner = await connect(process.env.DATABASE_OWNER_URL!);
  try {
    a = await createTenantRows(owner, "fk-a");
    b = await createTenantRows(owner, "fk-b");
    const catalog = await readDistributionCatalog(owner);
    allKeys = catalog.foreignKeys;
    sameTenantKeys = catalog.foreignKeys.filter(
      (fk) =>
        fk.columns.length > 1 && fk.columns[0] === "tenant_id" && fk.referencedColumns[0] === "tenant_id" &&
        placementOf(catalog, fk.table) === "distributed" && placementOf(catalog, fk.referencedTable) === "distributed",
    );
  } finally {
    await owner.end();
  }
});

afterAll(async () => {
  await admin.end();
  await app.end();
});

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

describe("foreign keys that start with tenant_id", () => {
  it("cover the workspace's links between its own records", () => {
    const names = sameTenantKeys.map((fk) => `${fk.table}->${fk.referencedTable}`);
    expect(names).toEqual(expect.arrayContaining(["findings->visits", "visits->places", "recommendation_addressees->authorities", "attachments->findings"]));
  });

  it("refuse, in every such key, to point one of A's rows at B's row, even without row-level security", async () => {
    for (const fk of sameTenantKeys) {
      const [, ...linkColumns] = fk.columns;
      const [, ...targetColumns] = fk.referencedColumns;
      // B's row that A's row will be pointed at, and one of A's rows (one with the link filled in, if any).
      const target = await admin.query(`SELECT ${targetColumns.map(quote).join(", ")} FROM ${quote(fk.referencedTable)} WHERE tenant_id = $1 LIMIT 1`, [b.tenantId]);
      expect(target.rowCount, `B has a ${fk.referencedTable} row`).toBe(1);
      const values = targetColumns.map((column) => target.rows[0][column]);
      const sql = `UPDATE ${quote(fk.table)} SET (${linkColumns.map(quote).join(", ")}) = ROW(${linkColumns.map((_, i) => `$${i + 2}`).join(", ")})
                    WHERE ctid = (SELECT ctid FROM ${quote(fk.table)} WHERE tenant_id = $1
                                   ORDER BY ${linkColumns.map((c) => `${quote(c)} IS NULL`).join(", ")} LIMIT 1)`;
      await admin.query("BEGIN");
      try {
        // Only where the table has guard triggers: the ALTER locks the table for this short transaction.
        const guarded = await admin.query("SELECT 1 FROM pg_trigger WHERE tgrelid = $1::regclass AND NOT tgisinternal", [`public.${fk.table}`]);
        if (guarded.rowCount) await admin.query(`ALTER TABLE ${quote(fk.table)} DISABLE TRIGGER USER`);
        const outcome = await admin.query(sql, [a.tenantId, ...values]).then(
          (result) => `changed ${result.rowCount}`,
          (error: Error & { code?: string; constraint?: string }) => `${error.code} ${error.constraint}`,
        );
        // Refused by this key, or first by a key that pins A's dependent rows to the old value.
        const refusing = [fk.name, ...allKeys.filter((other) => other.referencedTable === fk.table).map((other) => other.name)];
        expect(refusing.map((name) => `23503 ${name}`), `${fk.table} -> ${fk.referencedTable}: ${outcome}`).toContain(outcome);
      } finally {
        await admin.query("ROLLBACK");
      }
    }
  });

  it("refuse the application a finding in A's workspace on B's visit, which row-level security alone would let through", async () => {
    const bVisit = (await admin.query<{ id: string }>("SELECT id FROM visits WHERE tenant_id = $1 LIMIT 1", [b.tenantId])).rows[0]!.id;
    const outcome = await asTenant(
      app,
      a.tenantId,
      () =>
        app.query("INSERT INTO findings (tenant_id, visit_id, theme, text, severity) VALUES ($1, $2, 'Custody records', 'Forged.', 'low')", [a.tenantId, bVisit]).then(
          () => "inserted",
          (error: Error & { code?: string; constraint?: string }) => `${error.code} ${error.constraint}`,
        ),
      a.userId,
    );
    expect(outcome).toBe("23503 findings_tenant_id_visit_id_fkey");
    expect((await admin.query("SELECT 1 FROM findings WHERE visit_id = $1 AND tenant_id = $2", [bVisit, a.tenantId])).rowCount).toBe(0);
  });
});
