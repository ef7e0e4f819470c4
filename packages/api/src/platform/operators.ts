import { privilegedDb } from "@vigil/db/privileged";

/**
 * Platform operators (decision 0231): users marked by `pnpm platform:operator add <email>`. The
 * mark lives on the user (`platform_operator_since`); only the owner role may set it (a trigger
 * refuses the application), so no procedure can make anyone an operator.
 */
class UnknownUserError extends Error {
  constructor(email: string) {
    super(`No account has the address "${email}": the person signs up first, then is made an operator.`);
  }
}

export type OperatorChange = { email: string; changed: boolean; twoFactorEnabled: boolean };

/** Marks (or with `remove`, unmarks) the account as a platform operator; a no-op when nothing changes. */
export async function setPlatformOperator(email: string, remove = false, now = new Date()): Promise<OperatorChange> {
  const address = email.trim().toLowerCase();
  return privilegedDb().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: address }, select: { id: true, platformOperatorSince: true, twoFactor: { select: { enabledAt: true } } } });
    if (!user) throw new UnknownUserError(address);
    const twoFactorEnabled = Boolean(user.twoFactor?.enabledAt);
    if (remove === (user.platformOperatorSince === null)) return { email: address, changed: false, twoFactorEnabled };
    await tx.user.update({ where: { id: user.id }, data: { platformOperatorSince: remove ? null : now }, select: { id: true } });
    await tx.platformAuditEvent.create({
      data: { operatorId: null, operatorEmail: "command line", action: remove ? "operator.removed" : "operator.added", details: { email: address } },
      select: { id: true },
    });
    return { email: address, changed: true, twoFactorEnabled };
  });
}

/** Every operator's address, for `pnpm platform:operator list`. */
export async function listPlatformOperators(): Promise<{ email: string; since: Date; twoFactorEnabled: boolean }[]> {
  const users = await privilegedDb().user.findMany({
    where: { platformOperatorSince: { not: null } },
    select: { email: true, platformOperatorSince: true, twoFactor: { select: { enabledAt: true } } },
    orderBy: { email: "asc" },
  });
  return users.map((user) => ({ email: user.email, since: user.platformOperatorSince!, twoFactorEnabled: Boolean(user.twoFactor?.enabledAt) }));
}
