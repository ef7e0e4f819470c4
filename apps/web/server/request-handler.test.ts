import type { AddressInfo } from "node:net";
import net from "node:net";
import express from "express";
import type { ServerBuild } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORM_BODY_LIMIT } from "./body-limit.ts";
import { createRequestHandler } from "./request-handler.ts";

// The Express adapter in front of React Router, with a stand-in build of two resource routes:
// /echo counts the bytes of the body it reads; /outage fails the way a loader does when the
// database is unreachable (entry.server's handleError marks the request).

let bodiesRead = 0;
async function echoAction({ request }: { request: Request }) {
  bodiesRead += 1;
  return new Response(String((await request.arrayBuffer()).byteLength));
}
const build = {
  entry: {
    module: {
      default: () => new Response("document"),
      handleError: (error: unknown, { context }: { context: { faults: { databaseUnavailable: boolean } } }) => {
        if ((error as { code?: string }).code === "ECONNREFUSED") context.faults.databaseUnavailable = true;
      },
    },
  },
  routes: {
    root: { id: "root", path: "", module: {} },
    echo: {
      id: "echo",
      parentId: "root",
      path: "echo",
      module: {
        action: async ({ request }: { request: Request }) => {
          bodiesRead += 1;
          return new Response(String((await request.arrayBuffer()).byteLength));
        },
      },
    },
    // Stand-ins at the paths of a real page (sign-in), a real upload page (a visit's findings)
    // and the tRPC endpoint: the body limit is chosen by path, so they read the body as /echo does.
    signIn: { id: "signIn", parentId: "root", path: "sign-in", module: { action: echoAction } },
    findings: { id: "findings", parentId: "root", path: "t/:slug/visits/:visitId/findings", module: { action: echoAction } },
    offlinePhoto: { id: "offlinePhoto", parentId: "root", path: "t/:slug/visits/:visitId/offline-photo", module: { action: echoAction } },
    trpc: { id: "trpc", parentId: "root", path: "api/trpc/*", module: { action: echoAction } },
    outage: {
      id: "outage",
      parentId: "root",
      path: "outage",
      module: {
        loader: () => {
          throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
        },
      },
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

let base: string;
let port: number;
let close: () => void;
beforeAll(async () => {
  const app = express();
  app.use(createRequestHandler({ build, getLoadContext: (_req, _res, faults) => ({ ipAddress: null, requestId: "test", cspNonce: undefined, faults }) }));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  close = () => server.close();
});
afterAll(() => close());

/** Sends raw HTTP and resolves with the status line once the server answers or closes. */
function raw(text: string, then?: (socket: net.Socket) => void): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1", () => {
      socket.write(text);
      then?.(socket);
    });
    let received = "";
    socket.on("data", (data) => {
      received += data.toString();
      if (received.includes("\r\n")) {
        socket.destroy();
        resolve(received.split("\r\n")[0]!);
      }
    });
    socket.on("error", () => resolve(received.split("\r\n")[0] ?? ""));
    socket.on("close", () => resolve(received.split("\r\n")[0] ?? ""));
  });
}

describe("request bodies", () => {
  it("reads a body under the limit", async () => {
    const response = await fetch(`${base}/echo`, { method: "POST", headers: { "content-type": "application/json" }, body: "x".repeat(1000) });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("1000");
  });

  it("refuses a declared Content-Length over 1 MB with 413 before reading it", async () => {
    const before = bodiesRead;
    const status = await raw(`POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${100 * 1024 * 1024}\r\n\r\n{"email":"`);
    expect(status).toBe("HTTP/1.1 413 Payload Too Large");
    expect(bodiesRead).toBe(before);
  });

  it("refuses a chunked body once it passes 1 MB, with 413", async () => {
    const chunk = "a".repeat(64 * 1024);
    const status = await raw(`POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n`, (socket) => {
      for (let sent = 0; sent <= FORM_BODY_LIMIT + chunk.length; sent += chunk.length) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    });
    expect(status).toBe("HTTP/1.1 413 Payload Too Large");
  });
});

/** A multipart body of one file part with `size` bytes of content. */
function multipartFile(size: number): { contentType: string; body: Blob } {
  const boundary = "XB";
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: new Blob([head, "a".repeat(size), `\r\n--${boundary}--\r\n`]) };
}

describe("multipart bodies (the limit follows the route, not the Content-Type)", () => {
  const twoMegabytes = 2 * 1024 * 1024;

  it.each(["/sign-in", "/sign-in.data", "/api/trpc/auth.signIn"])("refuses a declared 2 MB multipart body to %s before reading it", async (path) => {
    const before = bodiesRead;
    const status = await raw(`POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=XB\r\nContent-Length: ${twoMegabytes}\r\n\r\n--XB\r\n`);
    expect(status).toMatch(/^HTTP\/1\.1 41[35] /);
    expect(bodiesRead).toBe(before);
  });

  it("refuses a chunked multipart body to a page once it passes 1 MB", async () => {
    const chunk = "a".repeat(64 * 1024);
    const status = await raw(`POST /sign-in HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=XB\r\nTransfer-Encoding: chunked\r\n\r\n`, (socket) => {
      for (let sent = 0; sent <= FORM_BODY_LIMIT + chunk.length; sent += chunk.length) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    });
    expect(status).toBe("HTTP/1.1 413 Payload Too Large");
  });

  it("refuses any multipart call to /api/trpc with 415, even a small one", async () => {
    const { contentType, body } = multipartFile(10);
    const response = await fetch(`${base}/api/trpc/auth.signIn`, { method: "POST", headers: { "content-type": contentType }, body });
    expect(response.status).toBe(415);
    expect((await response.json()).error.data.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it.each(["/t/npm-serbia/visits/v1/findings", "/t/npm-serbia/visits/v1/findings.data", "/t/npm-serbia/visits/v1/offline-photo"])("still accepts a 5 MB file on the upload page %s", async (path) => {
    const { contentType, body } = multipartFile(5 * 1024 * 1024);
    const before = bodiesRead;
    const response = await fetch(`${base}${path}`, { method: "POST", headers: { "content-type": contentType }, body });
    // A body cut at the limit would be answered 413; `.data` answers in React Router's own encoding, so only the status is checked.
    expect(response.status).toBe(200);
    expect(bodiesRead).toBe(before + 1);
  });
});

describe("an unreachable database", () => {
  it("turns the error page into a 503 with Retry-After", async () => {
    const response = await fetch(`${base}/outage`);
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await response.text()).toContain("The service is briefly unavailable");
  });
});
