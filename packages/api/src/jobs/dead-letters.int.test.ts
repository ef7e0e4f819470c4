import pg from "pg";
import { describe, expect, it } from "vitest";
import { listDeadLetters } from "./dead-letters.ts";
import { REMINDER_QUEUE } from "./recommendation-reminders.ts";
import { jobsRunInWeb } from "./runner.ts";

describe("dead letters", () => {
  it("lists a job that failed for good, with its queue, attempts and message, never its stack", async () => {
    const owner = new pg.Client({ connectionString: process.env.DATABASE_OWNER_URL });
    await owner.connect();
    // A reminder run that failed on its fourth and last attempt; no worker runs in this file to take it.
    const { rows } = await owner.query<{ id: string }>(
      `INSERT INTO pgboss.job (name, data, state, retry_count, retry_limit, output, completed_on)
       VALUES ($1, '{}', 'failed', 3, 3, '{"message": "SMTP refused", "stack": "Error: SMTP refused\\n    at send"}', now()) RETURNING id::text`,
      [REMINDER_QUEUE],
    );
    try {
      const failed = await listDeadLetters({ limit: 1000 });
      const ours = failed.find((job) => job.id === rows[0]!.id);
      expect(ours).toMatchObject({ queue: REMINDER_QUEUE, attempts: 4, error: "SMTP refused" });
      expect(JSON.stringify(ours)).not.toContain("at send");
    } finally {
      await owner.query("DELETE FROM pgboss.job WHERE id = $1", [rows[0]!.id]);
      await owner.end();
    }
  });
});

describe("the job runner setting", () => {
  it("is the web server by default, the worker with JOB_RUNNER=worker, and refuses anything else", () => {
    expect(jobsRunInWeb({})).toBe(true);
    expect(jobsRunInWeb({ JOB_RUNNER: "web" })).toBe(true);
    expect(jobsRunInWeb({ JOB_RUNNER: "worker" })).toBe(false);
    expect(() => jobsRunInWeb({ JOB_RUNNER: "cron" })).toThrow('JOB_RUNNER must be "web" or "worker"');
  });
});
