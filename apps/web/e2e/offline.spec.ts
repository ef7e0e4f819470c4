import { expect, test, type Page } from "@playwright/test";
import { createVisitWithChecklist } from "./checklist-fixture";
import { tinyPng } from "./files";
import { newOwner, signOut, signUp } from "./support";
import { addToVisitTeam, addToWorkspace, queryTestDatabase } from "./visit-fixture";

// Issue 18: a visit taken offline on a phone, worked on without a network, synced without losing or
// silently overwriting anything; sign-out wipes the device.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

const pending = (page: Page) => page.getByTestId("offline-pending");

test("a monitor works on a visit offline, syncs it, resolves a conflict, and sign-out wipes the device", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const ana = newOwner();
  await signUp(page, ana);
  const { visitId } = await createVisitWithChecklist(ana.slug);
  await addToVisitTeam(visitId, ana.email, "lead");
  const boris = newOwner();
  const borisContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const borisPage = await borisContext.newPage();
  await signUp(borisPage, boris);
  await addToWorkspace(ana.slug, boris.email, "monitor");
  await addToVisitTeam(visitId, boris.email);

  // The workspace's own manifest and colour are linked from its pages, for its members.
  await page.goto(`/t/${ana.slug}/visits/${visitId}`);
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(manifestHref).toBe(`/t/${ana.slug}/manifest.webmanifest`);
  const manifest = (await (await page.request.get(manifestHref!)).json()) as { name: string; start_url: string; theme_color: string };
  expect(manifest.name).toBe(`${ana.workspaceName} · Vigil`);
  expect(manifest.start_url).toBe(`/t/${ana.slug}`);
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute("content", manifest.theme_color);

  // On the online checklist, at phone width: the network, the changes waiting, the last sync, "Send now".
  await page.goto(`/t/${ana.slug}/visits/${visitId}/checklist`);
  const onlineStatus = page.getByTestId("offline-status");
  await expect(onlineStatus).toBeInViewport();
  await expect(onlineStatus).toContainText("Online");
  await expect(pending(page)).toHaveText("0 changes waiting");
  await expect(onlineStatus).toContainText("Nothing sent yet");
  await expect(onlineStatus.getByRole("button", { name: "Send now" })).toBeDisabled();
  await page.mouse.wheel(0, 1500);
  await expect(pending(page)).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.context().setOffline(true);
  await expect(onlineStatus).toContainText("Offline");
  await page.context().setOffline(false);
  await expect(onlineStatus).toContainText("Online");

  // Before leaving: "Make available offline" on the visit page; the service worker is installed.
  await page.goto(`/t/${ana.slug}/visits/${visitId}`);
  await page.getByRole("button", { name: "Make available offline" }).tap();
  await expect(page.getByText(/Available offline on this device/)).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });

  // At the gate: no network. The checklist still opens, served by the service worker from the device.
  await page.context().setOffline(true);
  await page.goto(`/t/${ana.slug}/visits/${visitId}/checklist`);
  await expect(page).toHaveURL(new RegExp(`/offline#${ana.slug}/${visitId}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Checklist" })).toBeVisible();
  await expect(page.getByTestId("offline-status")).toContainText("Offline");
  await expect(page.getByText(/Confidential interviews are not stored on devices/)).toBeVisible();

  await page.getByRole("radiogroup", { name: /Is the custody register complete/ }).getByText("No", { exact: true }).tap();
  await expect(page.locator("#status-register-complete")).toHaveText("Saved on this device, not yet sent");
  await page.getByRole("textbox", { name: /Number of cells/ }).fill("3");
  await expect(page.locator("#status-cell-count")).toHaveText("Saved on this device, not yet sent");

  await page.getByLabel("Theme").fill("Material conditions");
  await page.getByLabel("Finding", { exact: true }).fill("Cell 2 has no natural light.");
  await page.getByLabel("Photo (optional)").setInputFiles({ name: "cell-2.png", mimeType: "image/png", buffer: tinyPng() });
  await page.getByRole("button", { name: "Record finding" }).tap();
  await expect(page.getByText("Finding saved on this device, not yet sent.")).toBeVisible();
  await expect(page.getByTestId("queued-finding")).toContainText("1 photo");

  // Offline, a finding can be edited and deleted, and a photo taken of a question.
  await page.getByRole("button", { name: "Edit finding: Material conditions" }).tap();
  await page.getByRole("textbox", { name: "Finding" }).first().fill("Cell 2 has no natural light and no window.");
  await page.getByRole("button", { name: "Save on this device" }).tap();
  await expect(page.getByTestId("queued-finding")).toContainText("no window");
  await page.getByLabel("Theme").fill("Food");
  await page.getByLabel("Finding", { exact: true }).fill("Written by mistake.");
  await page.getByRole("button", { name: "Record finding" }).tap();
  await expect(page.getByTestId("queued-finding")).toHaveCount(2);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Delete finding: Food" }).tap();
  await expect(page.getByTestId("queued-finding")).toHaveCount(1);
  await page.getByLabel("Question", { exact: true }).selectOption({ label: "2.1 Number of cells" });
  await page.getByLabel("Photo", { exact: true }).setInputFiles({ name: "cells.png", mimeType: "image/png", buffer: tinyPng() });
  await page.getByRole("button", { name: "Save photo" }).tap();
  await expect(page.getByTestId("queued-question-photos")).toContainText("Question 2.1: cells.png");

  // On the phone the status and the number of changes waiting stay on screen, deep in the page too.
  // Two answers, two findings with a photo, an edit, a deletion, a question's photo.
  await expect(pending(page)).toHaveText("8 changes waiting");
  await page.mouse.wheel(0, 2000);
  await expect(page.getByTestId("offline-status")).toBeInViewport();
  await expect(pending(page)).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // The device keeps it sealed: nothing readable in IndexedDB.
  const stored = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open("vigil-offline");
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = await new Promise<unknown[]>((resolve) => {
      const request = db.transaction("operations").objectStore("operations").getAll();
      request.onsuccess = () => resolve(request.result as unknown[]);
    });
    db.close();
    return JSON.stringify(all);
  });
  expect(stored).not.toContain("natural light");

  // Meanwhile a colleague, online, answers the same question differently.
  await borisPage.goto(`/t/${ana.slug}/visits/${visitId}/checklist`);
  await borisPage.getByRole("radiogroup", { name: /Is the custody register complete/ }).getByText("Yes", { exact: true }).tap();
  await expect(borisPage.locator("#status-register-complete")).toHaveText("Saved");
  await borisPage.getByRole("textbox", { name: /Number of cells/ }).fill("5");
  await expect(borisPage.locator("#status-cell-count")).toHaveText("Saved");

  // Back online: the changes go by themselves, in order; the conflicting answer is not overwritten.
  await page.context().setOffline(false);
  await expect(pending(page)).toHaveText("0 changes waiting", { timeout: 30_000 });
  const conflict = page.getByTestId("offline-conflict").filter({ hasText: "custody register" });
  await expect(page.getByTestId("offline-conflict")).toHaveCount(2);
  await expect(conflict).toContainText(`Saved by ${boris.name}`);
  await expect(conflict).toContainText("Yes");
  await expect(conflict).toContainText("No");

  const answers = await queryTestDatabase<{ question_id: string; value: unknown; revision: number }>(
    "SELECT question_id, value, revision FROM checklist_answers WHERE visit_id = $1 ORDER BY question_id", [visitId]);
  expect(answers).toEqual([
    { question_id: "cell-count", value: 5, revision: 1 },
    { question_id: "register-complete", value: "yes", revision: 1 },
  ]);
  const evidence = await queryTestDatabase<{ theme: string; file_name: string }>(
    "SELECT f.theme, a.file_name FROM findings f JOIN attachments a ON a.finding_id = f.id AND a.tenant_id = f.tenant_id WHERE f.visit_id = $1", [visitId]);
  expect(evidence).toEqual([{ theme: "Material conditions", file_name: "cell-2.png" }]);
  const findings = await queryTestDatabase<{ theme: string; text: string }>("SELECT theme, text FROM findings WHERE visit_id = $1", [visitId]);
  expect(findings).toEqual([{ theme: "Material conditions", text: "Cell 2 has no natural light and no window." }]);
  const questionPhotos = await queryTestDatabase<{ question_id: string; file_name: string }>(
    "SELECT question_id, file_name FROM attachments WHERE visit_id = $1 AND question_id IS NOT NULL", [visitId]);
  expect(questionPhotos).toEqual([{ question_id: "cell-count", file_name: "cells.png" }]);
  const kept = await queryTestDatabase<{ outcome: string; sent: { value: unknown } }>(
    "SELECT outcome, sent FROM offline_operations WHERE visit_id = $1 AND kind = 'answer' AND outcome = 'conflict' ORDER BY sent->>'questionId'", [visitId]);
  expect(kept.map((row) => row.sent.value)).toEqual([3, "no"]);

  // Keep mine: sent on top of the colleague's answer, so the history holds both.
  await conflict.getByRole("button", { name: "Keep mine" }).tap();
  await expect(page.getByTestId("offline-conflict")).toHaveCount(1);
  await expect(pending(page)).toHaveText("0 changes waiting", { timeout: 30_000 });
  const history = await queryTestDatabase<{ revision: number; value: unknown }>(
    "SELECT r.revision, r.value FROM checklist_answer_revisions r JOIN checklist_answers a ON a.id = r.answer_id AND a.tenant_id = r.tenant_id WHERE a.visit_id = $1 AND a.question_id = 'register-complete' ORDER BY r.revision",
    [visitId]);
  expect(history).toEqual([{ revision: 1, value: "yes" }, { revision: 2, value: "no" }]);

  // Take theirs: his answer stays, and the history keeps mine too (his, mine, his).
  await page.getByTestId("offline-conflict").getByRole("button", { name: "Take theirs" }).tap();
  await expect(page.getByTestId("offline-conflict")).toHaveCount(0);
  await expect(pending(page)).toHaveText("1 change waiting");
  await page.getByTestId("offline-status").getByRole("button", { name: "Send now" }).tap();
  await expect(pending(page)).toHaveText("0 changes waiting", { timeout: 30_000 });
  const cells = await queryTestDatabase<{ revision: number; value: unknown }>(
    "SELECT r.revision, r.value FROM checklist_answer_revisions r JOIN checklist_answers a ON a.id = r.answer_id AND a.tenant_id = r.tenant_id WHERE a.visit_id = $1 AND a.question_id = 'cell-count' ORDER BY r.revision",
    [visitId]);
  expect(cells).toEqual([{ revision: 1, value: 5 }, { revision: 2, value: 3 }, { revision: 3, value: 5 }]);

  // Sign-out wipes the device: the sealed store, its key and the offline shell.
  await page.goto(`/t/${ana.slug}/visits/${visitId}`);
  const signedOut = page.waitForResponse((response) => new URL(response.url()).pathname.startsWith("/sign-out") && response.request().method() === "POST");
  await signOut(page);
  expect((await (await signedOut).allHeaders())["clear-site-data"]).toBe('"cache", "storage"');
  await expect(page).toHaveURL(/\/(sign-in)?$/);
  const left = await page.evaluate(async () => ({ databases: (await indexedDB.databases()).map((d) => d.name), caches: await caches.keys() }));
  expect(left.databases).not.toContain("vigil-offline");
  expect(left.caches).not.toContain("vigil-offline-shell");
  await borisContext.close();
});
