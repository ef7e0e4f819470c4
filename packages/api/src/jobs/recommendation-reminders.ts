import { sendOverdueReminders } from "../recommendations/reminders.ts";
import type { JobDefinition } from "./job.ts";

export const REMINDER_QUEUE = "recommendation-reminders";
/**
 * Every day at 06:00 UTC: reminders arrive at the start of a European working day. REMINDER_CRON
 * changes it (the multi-instance end-to-end test runs it every minute).
 */
const REMINDER_CRON = process.env.REMINDER_CRON ?? "0 6 * * *";

/**
 * The daily overdue reminder (docs/decisions/0087). Idempotent by construction: each reminder is
 * recorded before its mail goes out, so a retry or a second run sends nothing twice. The job lists
 * workspaces through the privileged handle and works inside each (recommendations/reminders.ts).
 */
export const reminderJob = {
  queue: { name: REMINDER_QUEUE, options: { policy: "standard", retryLimit: 3, retryDelay: 300 } },
  cron: REMINDER_CRON,
  work: async (boss, { log, appUrl }) => {
    await boss.work(REMINDER_QUEUE, async () => {
      const run = await sendOverdueReminders({ appUrl });
      if (run.reminders > 0) log(`Sent ${run.emails} reminder e-mail(s) for ${run.reminders} overdue recommendation(s).`);
    });
  },
} satisfies JobDefinition;
