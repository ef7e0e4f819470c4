import { afterAll, beforeEach, inject, vi } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.DATABASE_OWNER_URL = inject("databaseOwnerUrl");
process.env.DATABASE_ADMIN_URL_FOR_TESTS = inject("databaseAdminUrl");
process.env.LOG_LEVEL ??= "silent";
// A fixed test key for interview notes (AES-256-GCM needs one; tests of rotation set their own).
process.env.INTERVIEW_NOTES_KEYS ??= `test:${Buffer.alloc(32, 7).toString("base64")}`;

// A console.error during a test is a bug the test did not notice (epic-stack's convention).
beforeEach(() => {
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error was called: ${args.map(String).join(" ")}`);
  });
});

afterAll(async () => {
  const { disconnectAppDb } = await import("@vigil/db");
  const { disconnectPrivilegedDb } = await import("@vigil/db/privileged");
  await Promise.all([disconnectAppDb(), disconnectPrivilegedDb()]);
});
