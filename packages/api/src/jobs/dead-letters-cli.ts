// `pnpm jobs:failed`: the background jobs that failed for good (after their retries), newest first.
import { listDeadLetters } from "./dead-letters.ts";

if (!process.env.DATABASE_URL) {
  process.stderr.write(`DATABASE_URL is not set: point it at the database the server uses (see README, "Worker").\n`);
  process.exit(2);
}
const failed = await listDeadLetters({ limit: Number(process.env.LIMIT ?? 50) });
if (failed.length === 0) process.stdout.write("No job has failed for good.\n");
for (const job of failed) {
  process.stdout.write(`${job.failedAt?.toISOString() ?? "?"}  ${job.queue}  ${job.id}  after ${job.attempts} attempt(s): ${job.error ?? "no message"}\n`);
}
