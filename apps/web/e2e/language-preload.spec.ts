import { expect, test } from "@playwright/test";

/**
 * Decision 0182: the page preloads the strings of its own language, so the browser fetches them with
 * the entry (not after it), and never those of another language.
 */
test.use({ locale: "uk-UA" });

test("a Ukrainian page preloads the Ukrainian strings only, and hydrates with them", async ({ page }) => {
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script" || request.url().endsWith(".js")) scripts.push(new URL(request.url()).pathname);
  });
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", /^uk\b/);
  const preloaded = await page.locator('link[rel="modulepreload"]').evaluateAll((links) => links.map((link) => new URL((link as HTMLLinkElement).href).pathname));
  const language = preloaded.filter((href) => /\/assets\/(en|sr-Cyrl|sr-Latn|uk)-[\w-]+\.js$/.test(href));
  expect(language).toHaveLength(1);
  expect(language[0]).toMatch(/\/assets\/uk-/);

  // Hydrated in Ukrainian: a client-side navigation keeps the language and shows its strings.
  await page.locator('a[href="/sign-up"]').last().click();
  await expect(page).toHaveURL(/\/sign-up/);
  await expect(page.locator("h1")).not.toHaveText(/Sign up|Create/i);
  expect(scripts.filter((path) => /\/assets\/(en|sr-Cyrl|sr-Latn)-[\w-]+\.js$/.test(path))).toEqual([]);
  // The strings were fetched once: the entry's import found the preloaded module.
  expect(scripts.filter((path) => path === language[0])).toHaveLength(1);
});
