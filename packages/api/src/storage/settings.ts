import { localStorage } from "./local.ts";
import type { ObjectStorage, StorageHealth } from "./object-storage.ts";
import { s3Storage, type S3Settings } from "./s3.ts";

/**
 * The S3 settings from the environment (README, "File storage"): S3_BUCKET is required; S3_ENDPOINT
 * for a store other than AWS; S3_FORCE_PATH_STYLE=true for most of those; the credentials default to
 * the SDK's own chain (instance roles, AWS_* variables) when S3_ACCESS_KEY_ID is not set.
 */
function s3SettingsFromEnv(env: NodeJS.ProcessEnv): S3Settings {
  const bucket = env.S3_BUCKET;
  if (!bucket) throw new Error("STORAGE_DRIVER=s3 needs S3_BUCKET (see README, File storage).");
  const accessKeyId = env.S3_ACCESS_KEY_ID;
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY;
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) throw new Error("Set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither.");
  return {
    bucket,
    region: env.S3_REGION ?? "us-east-1",
    endpoint: env.S3_ENDPOINT || undefined,
    forcePathStyle: env.S3_FORCE_PATH_STYLE === "true",
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    timeouts: { connectMs: milliseconds(env.S3_CONNECT_TIMEOUT_MS, 3_000), answerMs: milliseconds(env.S3_TIMEOUT_MS, 30_000) },
  };
}

function milliseconds(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isSafeInteger(parsed) && parsed > 0 ? parsed : fallback;
}

let cached: { settings: string; storage: ObjectStorage } | undefined;

/**
 * The store chosen by STORAGE_DRIVER: `local` (the default: files in the data folder) or `s3`.
 * Read on every call, so a test can switch it; the S3 client is made once per set of settings.
 */
export function objectStorage(env: NodeJS.ProcessEnv = process.env): ObjectStorage {
  const driver = env.STORAGE_DRIVER ?? "local";
  if (driver === "local") return localStorage;
  if (driver !== "s3") throw new Error(`STORAGE_DRIVER must be "local" or "s3", not "${driver}".`);
  const settings = s3SettingsFromEnv(env);
  const key = JSON.stringify(settings);
  if (cached?.settings !== key) cached = { settings: key, storage: s3Storage(settings) };
  return cached.storage;
}

/** For /readyz: the driver's health, within `timeoutMs` (an unreachable endpoint can hang a request). */
export async function storageHealth(timeoutMs = 3000): Promise<StorageHealth> {
  let storage: ObjectStorage;
  try {
    storage = objectStorage();
  } catch (error) {
    return { driver: process.env.STORAGE_DRIVER === "s3" ? "s3" : "local", ok: false, detail: (error as Error).message };
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<StorageHealth>((resolve) => {
    timer = setTimeout(() => resolve({ driver: storage.driver, ok: false, detail: `no answer within ${timeoutMs} ms` }), timeoutMs);
  });
  try {
    return await Promise.race([storage.health(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
