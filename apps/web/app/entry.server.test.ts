import { logger } from "@vigil/api";
import { createRequestHandler, type ServerBuild } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as entry from "./entry.server";

// React Router with this app's entry (its handleError) and one stand-in page with an action: a
// form post whose Origin is not the request's host is refused 400 by React Router's CSRF check.
const build = {
  entry: { module: entry },
  routes: {
    root: { id: "root", path: "", module: { default: () => null } },
    form: { id: "form", parentId: "root", path: "form", module: { action: () => "done", default: () => null } },
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
});
