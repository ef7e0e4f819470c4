import { randomUUID } from "node:crypto";
import { logger } from "@vigil/api";
import { objectStorage } from "@vigil/api/storage";
import { startStalledStore } from "@vigil/api/storage-testing";
import { createRequestHandler, type ServerBuild } from "react-router";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as entry from "./entry.server";

// React Router with this app's entry (its handleError) and one stand-in page with an action: a
// form post whose Origin is not the request's host is refused 400 by React Router's CSRF check.
const build = {
  entry: { module: entry },
  routes: {
    root: { id: "root", path: "", module: { default: () => null } },
    form: { id: "form", parentId: "root", path: "form", module: { action: () => "done", default: () => null } },
    // A download from a file store that accepts the connection and never answers (decision 0251).
    download: { id: "download", parentId: "root", path: "download", module: { loader: async () => Boolean(await objectStorage().get(`attachments/${randomUUID()}/${randomUUID()}`)) } },
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
const handle = createRequestHandler(build, "production");
const context = { ipAddress: null, requestId: "test", cspNonce: undefined, faults: { databaseUnavailable: false } };

afterEach(() => vi.restoreAllMocks());

let stalled: Awaited<ReturnType<typeof startStalledStore>>;
const STALLED_STORE = { STORAGE_DRIVER: "s3", S3_BUCKET: "vigil", S3_FORCE_PATH_STYLE: "true", S3_ACCESS_KEY_ID: "id", S3_SECRET_ACCESS_KEY: "secret", S3_CONNECT_TIMEOUT_MS: "200", S3_TIMEOUT_MS: "300" };
beforeAll(async () => {
  stalled = await startStalledStore();
  Object.assign(process.env, STALLED_STORE, { S3_ENDPOINT: stalled.url });
});
afterAll(async () => {
  for (const name of [...Object.keys(STALLED_STORE), "S3_ENDPOINT"]) delete process.env[name];
  await stalled.close();
});

describe("handleError", () => {
  it("logs a refused cross-origin form post as a warning without a stack, not as an error", async () => {
    const error = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    const request = new Request("http://127.0.0.1:3301/form", {
      method: "POST",
      headers: { origin: "http://localhost:3301", "content-type": "application/x-www-form-urlencoded" },
      body: "a=1",
    });
    const response = await handle(request, context as never);
    expect(response.status).toBe(400);
    expect(error).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
    const [fields] = warn.mock.calls[0] as unknown as [Record<string, unknown>];
    expect(fields).toEqual({ path: "/form", origin: "http://localhost:3301" });
  });

  it("still logs any other error a loader or action throws as an error", () => {
    const error = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const request = new Request("http://127.0.0.1:3301/form", { method: "POST" });
    entry.handleError(new Error("origin does not match something else"), { request, context } as never);
    expect(error).toHaveBeenCalledTimes(1);
  });

  it("marks a request whose file store never answers as the service being unavailable (answered 503, not 500 or a hang)", async () => {
    const error = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    const faults = { databaseUnavailable: false };
    const response = await handle(new Request("http://127.0.0.1:3301/download"), { ...context, faults } as never);
    expect(response.status).toBe(500);
    // The request handler turns a marked request into the 503 page (server/request-handler.test.ts).
    expect(faults.databaseUnavailable).toBe(true);
    expect(error).not.toHaveBeenCalled();
  });
});
