import { parseNotesKeyRing } from "@vigil/api/interview-notes-key";
import { jobsRunInWeb } from "@vigil/api/jobs";
import { objectStorage } from "@vigil/api/storage";

/**
 * The settings a malformed value of which would otherwise surface only at first use (the first
 * interview note saved, the first e-mailed link or form post): checked before the server starts,
 * so a bad deployment stops at once with a sentence naming the setting (docs/decisions/0230).
 * Returns one message per problem; none when the settings are usable.
 */
export function startupSettingProblems(env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  const appUrl = env.APP_URL;
  if (appUrl !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(appUrl);
    } catch {
      problems.push(`APP_URL "${appUrl}" is not an address: give the public origin, e.g. https://vigil.example.org`);
    }
    if (url && url.protocol !== "http:" && url.protocol !== "https:") problems.push(`APP_URL "${appUrl}" must start with https:// (or http://)`);
    else if (url && (url.pathname !== "/" || url.search || url.hash || url.username || url.password)) {
      // The same-origin check and e-mailed links use the origin only: a path here would be silently dropped.
      problems.push(`APP_URL "${appUrl}" must be an origin only (scheme, host and port), without a path, query or credentials`);
    }
  }
  const notesKeys = env.INTERVIEW_NOTES_KEYS;
  if (notesKeys !== undefined) {
    try {
      parseNotesKeyRing(notesKeys);
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  // The storage driver and its S3 settings, and who runs the jobs: otherwise read at the first
  // upload, or thrown with a stack trace while the server is half started.
  for (const check of [() => objectStorage(env), () => jobsRunInWeb(env)]) {
    try {
      check();
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  return problems;
}
