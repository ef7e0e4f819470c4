import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { withTenant } from "@vigil/db";
import { privilegedDb } from "@vigil/db/privileged";
import type { SmtpReceiver } from "@vigil/email/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareJobSchema, REMINDER_QUEUE, startJobs, type RunningJobs } from "../jobs/index.ts";
import { jobSettled } from "../testing/jobs.ts";
import { sendOverdueReminders } from "./reminders.ts";
import { addMember, callerFor, createTestUser, createTestWorkspace, type TestUser } from "../testing/index.ts";
import { createAuthorities, createSentReport } from "../testing/recommendations.ts";
import { useSmtpReceiver } from "../testing/smtp.ts";
import { createTestPlace } from "../testing/visits.ts";

/**
 * The overdue reminder, through a real SMTP receiver: one e-mail per overdue recommendation to each
 * coordinator, in their language, never twice (not on a second run, not when two runs race), none
 * for answered or not yet due recommendations, none across workspaces.
 */
const smtp = useSmtpReceiver();
let owner: TestUser;
let coordinator: TestUser;
let otherCoordinator: TestUser;
let workspace: { id: string; slug: string };
let other: { id: string; slug: string };
let overdue: string[];
let answered: string;
let notDue: string;
let foreignOverdue: string;

/** Runs `pnpm reminders:send`'s script as an operator would, with this test database and SMTP receiver. */
async function sendRemindersCommand(): Promise<string> {
  const script = fileURLToPath(new URL("./send-reminders.ts", import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", script], {
    env: { ...process.env, SMTP_URL: smtp.url, APP_URL: "http://vigil.test" },
    cwd: path.dirname(script),
  });
  return stdout;
}

type ParsedMail = SmtpReceiver["messages"][number];
const to = (mail: ParsedMail) => [mail.to].flat().flatMap((a) => a?.value.map((v) => v.address) ?? []);
const mailsTo = (user: TestUser) => smtp.messages.filter((mail) => to(mail).includes(user.email));

beforeAll(async () => {
  owner = await createTestUser();
  coordinator = await createTestUser("Coordinator Ana");
  otherCoordinator = await createTestUser();
  workspace = await createTestWorkspace(owner);
  await addMember(workspace.id, coordinator, "coordinator");
  await privilegedDb().user.update({ where: { id: coordinator.id }, data: { preferredLocale: "sr-Cyrl" } });
  const { institution } = await createAuthorities(workspace.id);
  const place = await createTestPlace(workspace.id, { name: "ПУ Крушевац" });
  const actor = { tenantId: workspace.id, userId: owner.id, role: "owner" as const, ipAddress: null };
  const old = await createSentReport(actor, place.id, "2014-06-12", new Date("2014-06-20"), [
    { text: "Renovate the detention premises.", addressees: [institution.id] },
    { text: "Complete the custody register.", addressees: [institution.id] },
    { text: "Train the officers.", addressees: [institution.id] },
  ]);
  overdue = old.recommendations.slice(0, 2);
  answered = old.recommendations[2]!;
  await (await callerFor(owner)).caller.recommendations.recordUpdate({
    tenantSlug: workspace.slug, recommendationId: answered, occurredOn: "2014-08-01", source: "authority_response", resultingStatus: "accepted", text: "Accepted.",
  });
  notDue = (await createSentReport(actor, place.id, new Date().toISOString().slice(0, 10), new Date(), [{ text: "Install call bells.", addressees: [] }])).recommendations[0]!;

  const otherOwner = await createTestUser();
  other = await createTestWorkspace(otherOwner);
  await addMember(other.id, otherCoordinator, "coordinator");
  const otherPlace = await createTestPlace(other.id);
  foreignOverdue = (await createSentReport({ tenantId: other.id, userId: otherOwner.id, role: "owner", ipAddress: null }, otherPlace.id, "2014-06-12", new Date("2014-06-20"), [
    { text: "Provide daily outdoor exercise.", addressees: [] },
  ])).recommendations[0]!;
});

describe("the overdue reminder", () => {
  it("e-mails the coordinators once per overdue recommendation, even when two runs race", async () => {
    await Promise.all([sendOverdueReminders({ appUrl: "http://vigil.test" }), sendOverdueReminders({ appUrl: "http://vigil.test" })]);
    const mine = mailsTo(coordinator);
    expect(mine).toHaveLength(2);
    // In the coordinator's language, with a link to each recommendation.
    expect(mine.map((mail) => mail.subject)).toEqual(expect.arrayContaining([expect.stringContaining("Рок прекорачен")]));
    const links = mine.map((mail) => /\/t\/[\w-]+\/recommendations\/([0-9a-f-]{36})/.exec(mail.text ?? "")?.[1]).sort();
    expect(links).toEqual([...overdue].sort());
    expect(mine.every((mail) => mail.text?.includes("ПУ Крушевац"))).toBe(true);
    // The owner is not a coordinator: no mail while the workspace has one.
    expect(mailsTo(owner)).toHaveLength(0);
    // The other workspace's coordinator hears only of their own.
    const theirs = mailsTo(otherCoordinator);
    expect(theirs).toHaveLength(1);
    expect(theirs[0]!.text).toContain(foreignOverdue);
    expect(theirs[0]!.text).not.toContain(overdue[0]!);

    const reminded = await withTenant(workspace.id, null, (tx) => tx.recommendationReminder.findMany({ select: { recommendationId: true } }));
    expect(reminded.map((r) => r.recommendationId).sort()).toEqual([...overdue].sort());
    expect(reminded.map((r) => r.recommendationId)).not.toContain(answered);
    expect(reminded.map((r) => r.recommendationId)).not.toContain(notDue);
  });

  it("sends nothing more on a second run", async () => {
    const before = smtp.messages.length;
    await sendOverdueReminders();
    expect(mailsTo(coordinator)).toHaveLength(2);
    expect(mailsTo(otherCoordinator)).toHaveLength(1);
    // Other test files' workspaces may add their own reminders meanwhile, but none to these people.
    expect(smtp.messages.slice(before).filter((mail) => to(mail).includes(coordinator.email) || to(mail).includes(otherCoordinator.email))).toEqual([]);
  });

  it("the operator command (pnpm reminders:send) sends a newly overdue reminder now, and nothing on a second run", async () => {
    const place = await createTestPlace(workspace.id);
    const late = await createSentReport({ tenantId: workspace.id, userId: owner.id, role: "owner", ipAddress: null }, place.id, "2019-03-04", new Date("2019-03-10"), [
      { text: "Open a complaints box.", addressees: [] },
    ]);
    const aboutLate = () => mailsTo(coordinator).filter((mail) => mail.text?.includes(late.recommendations[0]!));
    const first = await sendRemindersCommand();
    expect(first).toMatch(/Checked \d+ workspace\(s\): [1-9]\d* e-mail\(s\) sent/);
    expect(aboutLate()).toHaveLength(1);
    expect(aboutLate()[0]!.text).toContain("http://vigil.test/t/");
    await sendRemindersCommand();
    expect(aboutLate()).toHaveLength(1);
  }, 60_000);

  describe("through pg-boss", () => {
    let jobs: RunningJobs | undefined;
    afterAll(async () => {
      await jobs?.stop({ graceful: false, wait: true });
    });

    it("runs as the app role on a queue the owner prepared, reminds of a newly overdue recommendation, and not again on a second run", async () => {
      await prepareJobSchema();
      // The app role (no BYPASSRLS, owns nothing) runs pg-boss; no schedule, so only `runNow` triggers it.
      // Only this file runs the reminder worker: a worker takes any job of its queue.
      jobs = await startJobs({ log: () => undefined, schedules: false, workers: [REMINDER_QUEUE] });
      const place = await createTestPlace(workspace.id);
      const late = await createSentReport({ tenantId: workspace.id, userId: owner.id, role: "owner", ipAddress: null }, place.id, "2020-01-10", new Date("2020-01-20"), [
        { text: "Repair the ventilation.", addressees: [] },
      ]);
      const aboutLate = () => mailsTo(coordinator).filter((mail) => mail.text?.includes(late.recommendations[0]!));
      const first = await jobs.runNow(REMINDER_QUEUE);
      expect(first).toEqual(expect.any(String));
      expect(await jobSettled(jobs.boss, REMINDER_QUEUE, first!)).toBe("completed");
      const deadline = Date.now() + 15_000;
      while (aboutLate().length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
      expect(aboutLate()).toHaveLength(1);

      // Idempotent: the same job again sends nothing more.
      const second = await jobs.runNow(REMINDER_QUEUE);
      expect(await jobSettled(jobs.boss, REMINDER_QUEUE, second!)).toBe("completed");
      expect(aboutLate()).toHaveLength(1);
      expect(mailsTo(coordinator).filter((mail) => overdue.some((id) => mail.text?.includes(id)))).toHaveLength(2);
    }, 60_000);
  });
});
