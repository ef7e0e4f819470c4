/**
 * Who runs the background jobs (docs/decisions/0222): JOB_RUNNER=web (the default: the web server
 * runs them, a single process as before) or JOB_RUNNER=worker (`pnpm worker` runs them; web
 * instances only queue jobs, in their requests' transactions).
 */
export function jobsRunInWeb(env: NodeJS.ProcessEnv = process.env): boolean {
  const runner = env.JOB_RUNNER ?? "web";
  if (runner !== "web" && runner !== "worker") throw new Error(`JOB_RUNNER must be "web" or "worker", not "${runner}".`);
  return runner === "web";
}
