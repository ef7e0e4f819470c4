import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { startupSettingProblems } from "./settings.ts";

const goodKey = `k1:${randomBytes(32).toString("base64")}`;
const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

describe("startupSettingProblems", () => {
  it("accepts unset settings and well-formed ones", () => {
    expect(startupSettingProblems({})).toEqual([]);
    expect(startupSettingProblems({ APP_URL: "https://vigil.example.org", INTERVIEW_NOTES_KEYS: goodKey })).toEqual([]);
    expect(startupSettingProblems({ APP_URL: "http://localhost:3000/" })).toEqual([]);
  });

  it.each([
    ["not an address", "vigil.example.org", /APP_URL "vigil.example.org" is not an address/],
    ["another scheme", "ftp://vigil.example.org", /must start with https:\/\//],
    ["a path", "https://vigil.example.org/app", /origin only/],
    ["credentials", "https://user:secret@vigil.example.org", /origin only/],
  ])("refuses APP_URL with %s", (_case, value, message) => {
    const problems = startupSettingProblems({ APP_URL: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it.each([
    ["an empty ring", " , ", /INTERVIEW_NOTES_KEYS is empty/],
    ["no key id", randomBytes(32).toString("base64"), /each entry is keyId:base64key/],
    ["a short key", `k1:${randomBytes(16).toString("base64")}`, /key "k1" is not 32 bytes/],
    ["a repeated id", `${goodKey},${goodKey}`, /key id "k1" appears twice/],
  ])("refuses INTERVIEW_NOTES_KEYS with %s", (_case, value, message) => {
    const problems = startupSettingProblems({ INTERVIEW_NOTES_KEYS: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it.each([
    ["an unknown storage driver", { STORAGE_DRIVER: "ftp" }, /STORAGE_DRIVER must be "local" or "s3", not "ftp"/],
    ["S3 without a bucket", { STORAGE_DRIVER: "s3" }, /STORAGE_DRIVER=s3 needs S3_BUCKET/],
    ["half an S3 key pair", { STORAGE_DRIVER: "s3", S3_BUCKET: "evidence", S3_ACCESS_KEY_ID: "AKIA" }, /Set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY/],
    ["an unknown job runner", { JOB_RUNNER: "cron" }, /JOB_RUNNER must be "web" or "worker"/],
  ])("refuses %s before the start", (_case, env, message) => {
    const problems = startupSettingProblems(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it("accepts S3 with a bucket and both keys, and the worker as job runner", () => {
    expect(startupSettingProblems({ STORAGE_DRIVER: "s3", S3_BUCKET: "evidence", S3_ACCESS_KEY_ID: "AKIA", S3_SECRET_ACCESS_KEY: "secret", JOB_RUNNER: "worker" })).toEqual([]);
  });

  it("names every problem at once", () => {
    expect(startupSettingProblems({ APP_URL: "nope", INTERVIEW_NOTES_KEYS: "k1:short" })).toHaveLength(2);
  });
});

describe("the server's start", () => {
  // The real entry, as `pnpm start` runs it: it must stop before it starts a database or serves.
  it("exits at once with the setting named when a setting is malformed", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "server/main.ts"], {
      cwd: webDir,
      env: { ...process.env, NODE_ENV: "production", APP_URL: "vigil.example.org/app", INTERVIEW_NOTES_KEYS: "k1:tooshort", DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('APP_URL "vigil.example.org/app" is not an address');
    expect(run.stderr).toContain('INTERVIEW_NOTES_KEYS: key "k1" is not 32 bytes');
    expect(run.stdout).not.toContain("is ready");
  }, 40_000);
});
