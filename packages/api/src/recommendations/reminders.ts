import { withTenant, type TenantTx } from "@vigil/db";
import { privilegedDb } from "@vigil/db/privileged";
import { mailer, recommendationReminderMail } from "@vigil/email";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@vigil/i18n";
import { overdueRecommendations } from "./follow-up.ts";
import { dayOf } from "./list.ts";
import { sentOnlySql } from "./sent.ts";

/**
 * The overdue reminder (docs/decisions/0087): once a recommendation's due date has passed with no
 * response, the workspace's coordinators get one e-mail about it, once. The reminder row is
 * inserted first (ON CONFLICT DO NOTHING on its primary key) and the mail sent in the same
 * transaction: a second run, or a second worker racing this one, finds the row and sends nothing;
 * a mail server that refuses rolls the row back, so the next run tries again.
 */

export type ReminderRun = { tenants: number; reminders: number; emails: number };

/** The privileged handle lists the workspaces only; everything else runs inside each tenant. */
async function activeTenants(only?: readonly string[]) {
  return privilegedDb().tenant.findMany({
    where: { deletionRequestedAt: null, ...(only ? { id: { in: [...only] } } : {}) },
    select: { id: true, slug: true, name: true, defaultLocale: true },
    orderBy: { id: "asc" },
  });
}

type Tenant = Awaited<ReturnType<typeof activeTenants>>[number];

/** Coordinators; a workspace without one has its owners and admins reminded instead, so no reminder is lost. */
async function recipients(tx: TenantTx, tenant: Tenant) {
  const members = await tx.membership.findMany({
    where: { role: { in: ["coordinator", "admin", "owner"] } },
    select: { role: true, user: { select: { email: true, preferredLocale: true } } },
    orderBy: { createdAt: "asc" },
  });
  const coordinators = members.filter((m) => m.role === "coordinator");
  const chosen = coordinators.length > 0 ? coordinators : members;
  const fallback: Locale = isLocale(tenant.defaultLocale) ? tenant.defaultLocale : DEFAULT_LOCALE;
  return chosen.map((m) => ({ email: m.user.email, locale: isLocale(m.user.preferredLocale) ? m.user.preferredLocale : fallback }));
}

async function remindTenant(tenant: Tenant, today: Date, appUrl: string, run: ReminderRun) {
  // The recipients are the same for every recommendation of the workspace: load them once here,
  // alongside the overdue list, rather than once per reminder inside the loop below.
  const { due, to } = await withTenant(tenant.id, null, async (tx) => {
    const overdue = await overdueRecommendations(tx, today, { notReminded: true, take: 500 });
    return { due: overdue, to: overdue.length > 0 ? await recipients(tx, tenant) : [] };
  });
  for (const { id } of due) {
    await withTenant(tenant.id, null, async (tx) => {
      const inserted = await tx.$queryRaw<{ recommendation_id: string }[]>`
        INSERT INTO recommendation_reminders (tenant_id, recommendation_id)
        SELECT r.tenant_id, r.id FROM recommendations r
         WHERE r.id = ${id}::uuid AND r.first_response_at IS NULL AND ${sentOnlySql()}
        ON CONFLICT DO NOTHING
        RETURNING recommendation_id`;
      if (inserted.length === 0) return;
      const recommendation = await tx.recommendation.findFirstOrThrow({
        where: { id },
        select: {
          number: true, text: true, dueDate: true, place: { select: { name: true } },
          addressees: { select: { authority: { select: { name: true } } } },
        },
      });
      for (const recipient of to) {
        await mailer().send(
          recommendationReminderMail({
            to: recipient.email, locale: recipient.locale, workspaceName: tenant.name, placeName: recommendation.place.name,
            number: recommendation.number, text: recommendation.text, addressees: recommendation.addressees.map((a) => a.authority.name),
            dueDate: recommendation.dueDate ?? today, url: `${appUrl}/t/${tenant.slug}/recommendations/${id}`,
          }),
        );
      }
      run.reminders += 1;
      run.emails += to.length;
    });
  }
}

/** One pass over every workspace; what the scheduled job runs, and what tests call directly. */
export async function sendOverdueReminders(options: { now?: Date; appUrl?: string; tenantIds?: readonly string[] } = {}): Promise<ReminderRun> {
  const today = dayOf(options.now ?? new Date());
  const appUrl = options.appUrl ?? process.env.APP_URL ?? "http://localhost:3000";
  const run: ReminderRun = { tenants: 0, reminders: 0, emails: 0 };
  for (const tenant of await activeTenants(options.tenantIds)) {
    run.tenants += 1;
    await remindTenant(tenant, today, appUrl, run);
  }
  return run;
}
