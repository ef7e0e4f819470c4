import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
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

it("/readyz is ready when every migration is applied", async () => {
  const response = await fetch(`${base}/readyz`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: "ready" });
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
