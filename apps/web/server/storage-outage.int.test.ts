import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { objectStorage } from "@vigil/api/storage";
import { startStalledStore } from "@vigil/api/storage-testing";
import express from "express";
import type { ServerBuild } from "react-router";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as entry from "../app/entry.server";
import { healthRouter } from "./health.ts";
import { createRequestHandler } from "./request-handler.ts";

// Decision 0251: a file store that accepts connections and never answers gives 503 (readiness and
// a download), never a request that hangs or a 500.
const STALLED_STORE_SETTINGS = ["STORAGE_DRIVER", "S3_BUCKET", "S3_ENDPOINT", "S3_FORCE_PATH_STYLE", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_CONNECT_TIMEOUT_MS", "S3_TIMEOUT_MS"];
let stalled: Awaited<ReturnType<typeof startStalledStore>>;
let base: string;
let closeServer: () => void;

// This app's entry (its handleError) and one stand-in download route that streams a stored object.
const build = {
  entry: { module: entry },
  routes: {
    root: { id: "root", path: "", module: { default: () => null } },
    download: {
      id: "download",
      parentId: "root",
      path: "files/:id",
      module: { loader: async () => new Response(await objectStorage().get(`attachments/${randomUUID()}/${randomUUID()}`)) },
    },
  },
  assets: { entry: { module: "", imports: [] }, routes: {}, url: "", version: "1" },
  basename: "/",
  publicPath: "/",
  assetsBuildDirectory: "",
  future: {},
  ssr: true,
  isSpaMode: false,
  prerender: [],
  routeDiscovery: { mode: "lazy", manifestPath: "/__manifest" },
} as unknown as ServerBuild;

beforeAll(async () => {
  stalled = await startStalledStore();
  Object.assign(process.env, {
    STORAGE_DRIVER: "s3", S3_BUCKET: "vigil", S3_ENDPOINT: stalled.url, S3_FORCE_PATH_STYLE: "true",
    S3_ACCESS_KEY_ID: "id", S3_SECRET_ACCESS_KEY: "secret", S3_CONNECT_TIMEOUT_MS: "200", S3_TIMEOUT_MS: "300",
  });
  const app = express()
    .use(healthRouter)
    .use(createRequestHandler({ build, getLoadContext: (_req, _res, faults) => ({ ipAddress: null, requestId: "test", cspNonce: undefined, faults }) }));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  closeServer = () => server.close();
});
afterAll(async () => {
  for (const name of STALLED_STORE_SETTINGS) delete process.env[name];
  closeServer();
  await stalled.close();
});

it("a download from a store that never answers is a 503 with Retry-After", async () => {
  const response = await fetch(`${base}/files/1`);
  expect(response.status).toBe(503);
  expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
});

it("/readyz answers 503 while the store never answers", async () => {
  const response = await fetch(`${base}/readyz`);
  expect(response.status).toBe(503);
  expect(await response.json()).toMatchObject({ status: "storage unavailable", storage: { driver: "s3", ok: false } });
});
