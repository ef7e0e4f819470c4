import { get } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { securityHeaders } from "./security-headers.ts";

let base: string;
let close: () => void;

beforeAll(async () => {
  const app = express()
    .use(securityHeaders({ development: false }))
    .get("/page", (_req, res) => res.type("html").send(`<script nonce="${String(res.locals.cspNonce)}"></script>`));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

describe("security headers", () => {
  it("sets a nonce-based CSP without unsafe-inline scripts, and forbids framing", async () => {
    const response = await fetch(`${base}/page`);
    const csp = response.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(await response.text()).toContain(`nonce="${nonce}"`);
    expect(csp).toMatch(/script-src [^;]*'nonce-/);
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
  });

  it("uses a fresh nonce for every response", async () => {
    const nonces = await Promise.all(
      [1, 2, 3].map(async () => (await fetch(`${base}/page`)).headers.get("content-security-policy")),
    );
    expect(new Set(nonces).size).toBe(3);
  });

  it("also covers responses no route answers (404s, API paths)", async () => {
    const response = await fetch(`${base}/api/trpc/nothing`);
    expect(response.status).toBe(404);
    // Express's own 404 page narrows the CSP to default-src 'none'; the other headers stay.
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it("sends HSTS for a real host name but not for localhost", async () => {
    expect((await fetch(`${base}/page`)).headers.get("strict-transport-security")).toBeNull();
    // fetch() may not set Host; node:http may.
    const hsts = await new Promise<string | undefined>((resolve, reject) => {
      get(`${base}/page`, { headers: { host: "vigil.example.org" } }, (response) => {
        response.resume();
        resolve(response.headers["strict-transport-security"]);
      }).on("error", reject);
    });
    expect(hsts).toBe("max-age=63072000; includeSubDomains");
  });
});
