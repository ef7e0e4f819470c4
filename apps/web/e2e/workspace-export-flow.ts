import { expect, type Page } from "@playwright/test";

/**
 * On the workspace's Security page: starts "Export everything" with the owner's password, waits
 * (reloading) until the background job has built the ZIP, and checks that it downloads as a ZIP.
 * Shared by the single-instance export spec and the multi-instance one (there the worker builds it).
 */
export async function exportWorkspaceAndDownload(page: Page, password: string, timeoutMs: number): Promise<void> {
  await page.locator("#export-reauthentication").fill(password);
  await page.getByRole("button", { name: "Export everything" }).click();
  await expect
    .poll(async () => {
      await page.reload();
      return page.getByRole("link", { name: /^Download/ }).count();
    }, { timeout: timeoutMs })
    .toBe(1);
  const zip = await page.request.get((await page.getByRole("link", { name: /^Download/ }).getAttribute("href"))!);
  expect(zip.status()).toBe(200);
  expect(zip.headers()["content-type"]).toBe("application/zip");
  expect((await zip.body()).subarray(0, 2).toString()).toBe("PK");
}
