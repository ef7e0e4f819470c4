import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { startStalledStore } from "@vigil/api/storage-testing";
import { migrationsDir } from "@vigil/db/migration-files";
import express from "express";
import { afterAll, beforeAll, expect, it } from "vitest";
import { healthRouter } from "./health.ts";

let base: string;
let close: () => void;

beforeAll(async () => {
  const server = express().use(healthRouter).listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

it("/healthz answers while the process is up", async () => {
  const response = await fetch(`${base}/healthz`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});

it("/readyz is ready when every migration is applied and the file store answers", async () => {
  const response = await fetch(`${base}/readyz`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: "ready", storage: { driver: "local", ok: true } });
});

it("/readyz answers 503 while the S3 store cannot be reached", async () => {
  const saved = { ...process.env };
  Object.assign(process.env, { STORAGE_DRIVER: "s3", S3_BUCKET: "vigil", S3_ENDPOINT: "http://127.0.0.1:9", S3_FORCE_PATH_STYLE: "true", S3_ACCESS_KEY_ID: "id", S3_SECRET_ACCESS_KEY: "secret" });
  try {
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "storage unavailable", storage: { driver: "s3", ok: false } });
  } finally {
    for (const name of ["STORAGE_DRIVER", "S3_BUCKET", "S3_ENDPOINT", "S3_FORCE_PATH_STYLE", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"]) delete process.env[name];
    Object.assign(process.env, saved);
  }
});

it("/readyz answers 503 while the S3 store accepts connections and never answers (decision 0251)", async () => {
  const stalled = await startStalledStore();
  const settings = { STORAGE_DRIVER: "s3", S3_BUCKET: "vigil", S3_ENDPOINT: stalled.url, S3_FORCE_PATH_STYLE: "true", S3_ACCESS_KEY_ID: "id", S3_SECRET_ACCESS_KEY: "secret", S3_CONNECT_TIMEOUT_MS: "200", S3_TIMEOUT_MS: "300" };
  Object.assign(process.env, settings);
  try {
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "storage unavailable", storage: { driver: "s3", ok: false } });
  } finally {
    for (const name of Object.keys(settings)) delete process.env[name];
    await stalled.close();
  }
});

it("/readyz answers 503 while a migration on disk is not applied", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "vigil-migrations-"));
  await cp(migrationsDir, dir, { recursive: true });
  await writeFile(path.join(dir, "29991231000000_future.sql"), "-- Up Migration\nSELECT 1;\n");
  process.env.VIGIL_MIGRATIONS_DIR = dir;
  try {
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "migrations pending", pending: ["29991231000000_future"] });
  } finally {
    delete process.env.VIGIL_MIGRATIONS_DIR;
    await rm(dir, { recursive: true, force: true });
  }
});

it("/readyz answers 503 once the server is stopping (SIGTERM), while /healthz still answers", async () => {
  const { markStopping } = await import("./health.ts");
  markStopping();
  const response = await fetch(`${base}/readyz`);
  expect(response.status).toBe(503);
  expect(await response.json()).toEqual({ status: "stopping" });
  expect((await fetch(`${base}/healthz`)).status).toBe(200);
});
