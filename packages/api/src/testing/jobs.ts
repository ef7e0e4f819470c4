import type PgBoss from "pg-boss";

/** Waits until pg-boss has finished a job (completed, or failed for good) and returns its final state. */
export async function jobSettled(boss: PgBoss, queue: string, id: string, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await boss.getJobById(queue, id, { includeArchive: true });
    if (job && (job.state === "completed" || job.state === "failed" || job.state === "cancelled")) return job.state;
    if (Date.now() > deadline) throw new Error(`job ${queue}/${id} still ${job?.state ?? "missing"} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
