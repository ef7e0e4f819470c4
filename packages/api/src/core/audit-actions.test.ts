import type { TenantTx } from "@vigil/db";
import { LOCALES, resources } from "@vigil/i18n";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, AUDIT_RECORD_TYPES, recordAudit, recordSystemAudit } from "./audit.ts";

// The list of actions is the type every writer's `action` must have (core/audit.ts), so checking
// the list checks every action the code can write: no source scanning (decision 0163).

const labels = (locale: (typeof LOCALES)[number]) => (resources[locale].translation.audit ?? {}) as Record<string, unknown>;

describe("audit actions", () => {
  it("names each action once, as domain.camelCaseVerb", () => {
    expect(AUDIT_ACTIONS.length).toBeGreaterThan(30);
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    const malformed = AUDIT_ACTIONS.filter((code) => !/^[a-z][A-Za-z]*(\.[A-Za-z]+)+$/.test(code));
    expect(malformed).toEqual([]);
  });

  it.each(LOCALES)("%s has a label for every audit action", (locale) => {
    const have = labels(locale);
    const missing = AUDIT_ACTIONS.filter((code) => typeof have[code] !== "string");
    expect(
      missing,
      `Audit actions without a label in packages/i18n/locales/${locale}/core.json under "audit" ` +
        `(add them for en, sr-Cyrl and uk, then run \`pnpm --filter @vigil/i18n latin\`):\n  ${missing.join("\n  ")}\n`,
    ).toEqual([]);
  });

  it.each(LOCALES)("%s has a label for every record type", (locale) => {
    const have = (resources[locale].translation.auditRecordTypes ?? {}) as Record<string, unknown>;
    expect(new Set(AUDIT_RECORD_TYPES).size).toBe(AUDIT_RECORD_TYPES.length);
    expect(AUDIT_RECORD_TYPES.filter((type) => typeof have[type] !== "string")).toEqual([]);
  });
});

/** A transaction that only records what the writer asks to insert. */
function recordingTx() {
  const rows: unknown[] = [];
  const tx = { auditEvent: { createMany: async ({ data }: { data: unknown }) => void rows.push(data) } } as unknown as TenantTx;
  return { tx, rows };
}

describe("audit writers", () => {
  it("recordAudit takes the workspace, the user and the address from the actor", async () => {
    const { tx, rows } = recordingTx();
    await recordAudit(tx, { tenantId: "t1", userId: "u1", ipAddress: "192.0.2.7" }, { action: "place.created", targetType: "place", targetId: "p1", details: { name: "A" } });
    await recordAudit(tx, { tenantId: "t1", userId: "u1", ipAddress: null }, { action: "place.archived", targetType: "place" });
    expect(rows).toEqual([
      { tenantId: "t1", actorId: "u1", action: "place.created", targetType: "place", targetId: "p1", details: { name: "A" }, ipAddress: "192.0.2.7" },
      { tenantId: "t1", actorId: "u1", action: "place.archived", targetType: "place", targetId: null, details: {}, ipAddress: null },
    ]);
  });

  it("recordSystemAudit writes no actor and no address", async () => {
    const { tx, rows } = recordingTx();
    await recordSystemAudit(tx, "t2", { action: "billing.subscriptionChanged", targetType: "workspace_billing", targetId: "t2", details: { to: "active" } });
    expect(rows).toEqual([
      { tenantId: "t2", actorId: null, action: "billing.subscriptionChanged", targetType: "workspace_billing", targetId: "t2", details: { to: "active" }, ipAddress: null },
    ]);
  });
});
