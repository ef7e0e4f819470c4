import pg from "pg";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestUser, createTestWorkspace, addMember, type TestUser } from "../testing/index.ts";
import { createSentReport } from "../testing/recommendations.ts";
import { useSmtpReceiver } from "../testing/smtp.ts";
import { createTestPlace } from "../testing/visits.ts";
import { appRoleBoss } from "./queue.ts";
import { reminderJob, REMINDER_QUEUE, REMINDER_SCHEDULE_OPTIONS } from "./recommendation-reminders.ts";

// Decision 0253: three processes with schedules on (two web instances and a worker) create the
// daily reminder's job once per day key, and its e-mail goes out once.
const smtp = useSmtpReceiver();
let coordinator: TestUser;
let workspace: { id: string; slug: string };
let recommendationId: string;
const instances: PgBoss[] = [];
const owner = new pg.Client({ connectionString: process.env.DATABASE_OWNER_URL });

beforeAll(async () => {
  await owner.connect();
  const ownerUser = await createTestUser();
  coordinator = await createTestUser("Coordinator Mila");
  workspace = await createTestWorkspace(ownerUser);
  await addMember(workspace.id, coordinator, "coordinator");
  const place = await createTestPlace(workspace.id);
  const actor = { tenantId: workspace.id, userId: ownerUser.id, role: "owner" as const, ipAddress: null };
  recommendationId = (await createSentReport(actor, place.id, "2015-03-02", new Date("2015-03-10"), [{ text: "Repair the ventilation.", addressees: [] }])).recommendations[0]!;
});

afterAll(async () => {
  await instances[0]?.unschedule(REMINDER_QUEUE);
  for (const boss of instances) await boss.stop({ graceful: false, wait: true });
  await owner.end();
});

/** Reminder jobs in this run, done or not (pg-boss moves finished ones to its archive). */
async function reminderJobs(): Promise<{ state: string; singleton_key: string | null }[]> {
  const { rows } = await owner.query<{ state: string; singleton_key: string | null }>(
    `SELECT state, singleton_key FROM pgboss.job WHERE name = $1 AND data->'tenantIds' ? $2
     UNION ALL SELECT state, singleton_key FROM pgboss.archive WHERE name = $1 AND data->'tenantIds' ? $2`,
    [REMINDER_QUEUE, workspace.id],
  );
  return rows;
}

it("three schedulers create the reminder's job once per day key, and its e-mail goes out once", async () => {
  // Every minute, as the multi-instance end-to-end test does, limited to this test's workspace so
  // the reminders of other test files running alongside are left alone.
  const data = { tenantIds: [workspace.id] };
  for (let index = 0; index < 3; index += 1) {
    const boss = appRoleBoss({ schedules: true });
    boss.on("error", () => undefined);
    instances.push(boss);
  }
  await Promise.all(instances.map((boss) => boss.start()));
  for (const boss of instances) {
    await boss.schedule(REMINDER_QUEUE, "* * * * *", data, { tz: "UTC", ...REMINDER_SCHEDULE_OPTIONS });
    await reminderJob.work(boss, { log: () => undefined, appUrl: "http://vigil.test" });
  }

  await expect.poll(async () => (await reminderJobs()).map((job) => job.state), { timeout: 60_000, interval: 500 }).toEqual(["completed"]);
  const mails = () => smtp.messages.filter((mail) => mail.text?.includes(recommendationId));
  expect(mails()).toHaveLength(1);
  expect((await reminderJobs())[0]!.singleton_key).toBe(REMINDER_SCHEDULE_OPTIONS.singletonKey);

  // Another minute of the same day (the next slot of this schedule, or a timekeeper whose clock
  // is off): pg-boss's timekeeper sends the schedule's job with the schedule's options, so do that.
  for (const boss of instances) {
    await boss.insert([{ name: REMINDER_QUEUE, data, ...REMINDER_SCHEDULE_OPTIONS }]);
  }
  // pg-boss drops a duplicate as it inserts: nothing more is created, so nothing more can be sent.
  expect((await reminderJobs()).length).toBe(1);
  expect(mails()).toHaveLength(1);
}, 90_000);
