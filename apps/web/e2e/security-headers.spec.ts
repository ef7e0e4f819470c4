import { expect, test } from "@playwright/test";

test("pages and the API carry the security headers, and the page runs under its CSP", async ({ page, request }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/sign-in");
  const headers = response!.headers();
  const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"] ?? "")?.[1];
  expect(nonce).toBeTruthy();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).not.toContain("unsafe-inline");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  // Every inline script React Router rendered carries this response's nonce.
  const scripts = await page.locator("script:not([src])").evaluateAll((elements) => elements.map((element) => element.nonce));
  expect(scripts.length).toBeGreaterThan(0);
  for (const scriptNonce of scripts) expect(scriptNonce).toBe(nonce);
  // Hydration ran: client-side navigation works, so no script was blocked.
  await page.locator(`a[href="/sign-up"]`).last().click();
  await expect(page).toHaveURL(/\/sign-up/);
  expect(violations).toEqual([]);

  const api = await request.get("/api/trpc/auth.me");
  expect(api.headers()["content-security-policy"]).toContain("default-src 'self'");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
});
