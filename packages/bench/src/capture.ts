import type { Statement } from "@vigil/api/statements";

export { captureStatements, type Statement } from "@vigil/api/statements";

/**
 * The statements of the procedure's own work: without the transaction, the tenant settings and the
 * membership check that every tenant procedure runs first (enter_workspace, or the older membership
 * query; the raw replay sets the tenant itself).
 */
export function workStatements(statements: Statement[]): Statement[] {
  return statements.filter(({ text }) => {
    const sql = text.trim();
    if (/^(BEGIN|COMMIT|ROLLBACK)/i.test(sql)) return false;
    if (/set_config\('app\./i.test(sql)) return false;
    if (/\benter_workspace\(/i.test(sql)) return false;
    if (/FROM "public"\."memberships"/i.test(sql) && /"public"\."tenants"/i.test(sql)) return false;
    return true;
  });
}
