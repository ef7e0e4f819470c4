import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sameOriginOnly, STRIPE_WEBHOOK_PATH } from "./same-origin.ts";

let base: string;
let close: () => void;

beforeAll(async () => {
  const app = express().use(sameOriginOnly).all("/form", (_req, res) => void res.send("done")).all(/.*/, (_req, res) => void res.send("reached"));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

describe("every non-GET request must come from this origin", () => {
  it("lets GET through from anywhere", async () => {
    expect((await fetch(`${base}/form`, { headers: { "sec-fetch-site": "cross-site" } })).status).toBe(200);
  });

  it("accepts a same-origin POST (by Sec-Fetch-Site or by Origin)", async () => {
    expect((await fetch(`${base}/form`, { method: "POST", headers: { "sec-fetch-site": "same-origin" } })).status).toBe(200);
    expect((await fetch(`${base}/form`, { method: "POST", headers: { origin: base } })).status).toBe(200);
  });

  it("refuses cross-site and anonymous POSTs with a translated message", async () => {
    const crossSite = await fetch(`${base}/form`, { method: "POST", headers: { "sec-fetch-site": "cross-site", "accept-language": "uk" } });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.text()).toBe("Цей запит надійшов не з самого Vigil, тому його відхилено.");
    expect((await fetch(`${base}/form`, { method: "POST", headers: { origin: "https://evil.example.com" } })).status).toBe(403);
    expect((await fetch(`${base}/form`, { method: "DELETE" })).status).toBe(403);
  });
});

describe("Stripe's webhook", () => {
  it("is the one exempt path: a POST from no browser reaches its route, which verifies the signature", async () => {
    expect((await fetch(`${base}${STRIPE_WEBHOOK_PATH}`, { method: "POST", headers: { "content-type": "application/json" } })).status).toBe(200);
  });

  it("exempts exactly that path and method", async () => {
    expect((await fetch(`${base}${STRIPE_WEBHOOK_PATH}/other`, { method: "POST" })).status).toBe(403);
    expect((await fetch(`${base}/api/stripe/webhooks`, { method: "POST" })).status).toBe(403);
    expect((await fetch(`${base}${STRIPE_WEBHOOK_PATH}`, { method: "DELETE" })).status).toBe(403);
  });
});
