import { sendOverdueReminders } from "../recommendations/reminders.ts";
import type { JobDefinition } from "./job.ts";

export const REMINDER_QUEUE = "recommendation-reminders";
/**
 * Every day at 06:00 UTC: reminders arrive at the start of a European working day. REMINDER_CRON
 * changes it (the multi-instance end-to-end test runs it every minute).
 */
const REMINDER_CRON = process.env.REMINDER_CRON ?? "0 6 * * *";

/**
 * One reminder job per UTC day, whoever schedules it (decision 0253): pg-boss keys each job the
 * schedule creates by this key and the day it falls in, and drops a second one for the same day.
 * pg-boss's own 60-second key already stops several timekeepers firing the same minute; this one
 * also stops a second minute of the same day (clock skew, a changed REMINDER_CRON, a restart).
 */
export const REMINDER_SCHEDULE_OPTIONS = { singletonKey: "daily-reminder", singletonSeconds: 24 * 60 * 60 } as const;

/** A job may name the workspaces it reminds (one workspace's reminders again; tests); none means all. */
type ReminderJobData = { tenantIds?: string[] };

/**
 * The daily overdue reminder (docs/decisions/0087). Idempotent by construction: each reminder is
 * recorded before its mail goes out, so a retry or a second run sends nothing twice. The job lists
 * workspaces through the privileged handle and works inside each (recommendations/reminders.ts).
 */
export const reminderJob = {
  queue: { name: REMINDER_QUEUE, options: { policy: "standard", retryLimit: 3, retryDelay: 300 } },
  cron: REMINDER_CRON,
  scheduleOptions: REMINDER_SCHEDULE_OPTIONS,
  work: async (boss, { log, appUrl }) => {
    await boss.work<ReminderJobData>(REMINDER_QUEUE, async ([job]) => {
      const run = await sendOverdueReminders({ appUrl, tenantIds: job?.data?.tenantIds });
      if (run.reminders > 0) log(`Sent ${run.emails} reminder e-mail(s) for ${run.reminders} overdue recommendation(s).`);
    });
  },
} satisfies JobDefinition;
