// `pnpm reminders:send`: the daily overdue reminder, run now (an operator who wants reminders out
// before 06:00 UTC, or after fixing the mail server). Safe to run any time and next to the server's
// own job: each reminder is recorded before its mail goes out, so none is ever sent twice
// (docs/decisions/0087). Uses the server's settings: DATABASE_URL, DATABASE_OWNER_URL, SMTP_URL,
// APP_URL.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { disconnectAppDb } from "@vigil/db";
import { disconnectPrivilegedDb } from "@vigil/db/privileged";
import { sendOverdueReminders } from "./reminders.ts";

for (const name of ["DATABASE_URL", "DATABASE_OWNER_URL"] as const) {
  if (!process.env[name]) {
    console.error(`${name} is not set: point it at the database the server uses (see README, "Configuration").`);
    process.exit(2);
  }
}
// Without SMTP_URL mail goes to the data folder's outbox, as the server's does.
process.env.VIGIL_DATA_DIR ??= path.join(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../.."), ".vigil");

try {
  const run = await sendOverdueReminders();
  console.log(`Checked ${run.tenants} workspace(s): ${run.emails} e-mail(s) sent for ${run.reminders} overdue recommendation(s) not reminded of before.`);
} finally {
  await disconnectAppDb();
  await disconnectPrivilegedDb();
}
