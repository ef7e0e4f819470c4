import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import { expect, type Page } from "@playwright/test";
import { e2eDataDir } from "../playwright.config";

export const DEMO_PASSWORD = "vigil-demo-2026";

/** A random suffix so each test creates its own people and workspaces. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
}

export type NewOwner = { name: string; email: string; password: string; workspaceName: string; slug: string };

export function newOwner(): NewOwner {
  const suffix = uniqueSuffix();
  return {
    name: `Owner ${suffix}`,
    email: `owner-${suffix}@e2e.example`,
    password: `calm-river-lantern-${suffix}`,
    workspaceName: `Test mechanism ${suffix}`,
    slug: `npm-${suffix}`,
  };
}

/** Signs up through the form and waits for the new workspace's home page. */
export async function signUp(page: Page, owner: NewOwner): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("Full name").fill(owner.name);
  await page.getByLabel("E-mail address").fill(owner.email);
  await page.getByLabel("Password", { exact: true }).fill(owner.password);
  await page.getByLabel("Name of the institution").fill(owner.workspaceName);
  await page.getByLabel("Workspace address").fill(owner.slug);
  await page.getByLabel("Country code").fill("RS");
  await page.getByRole("button", { name: "Create account and workspace" }).click();
  // Owners must use two-factor sign-in: the workspace sends a new owner to enrol first.
  await enrolTwoFactor(page, owner.email, owner.password);
  await page.getByRole("link", { name: "Continue" }).click();
  await expect(page).toHaveURL(new RegExp(`/t/${owner.slug}$`));
  await expect(page.getByRole("heading", { level: 1, name: owner.workspaceName })).toBeVisible();
}

/** TOTP secrets of the accounts this run enrolled, and the last 30-second step each has used. */
const totpSecrets = new Map<string, { secret: Uint8Array; lastStep: number }>();

/**
 * A fresh code for an enrolled account, as an authenticator app would show it. A code is accepted
 * once, so when this step's code was already used, it waits for the next step.
 */
async function totpCodeFor(email: string): Promise<string> {
  const enrolled = totpSecrets.get(email);
  if (!enrolled) throw new Error(`${email} has not enrolled in two-factor sign-in in this run`);
  let step = Math.floor(Date.now() / 30_000);
  if (step <= enrolled.lastStep) {
    await new Promise((resolve) => setTimeout(resolve, (enrolled.lastStep + 1) * 30_000 - Date.now() + 200));
    step = enrolled.lastStep + 1;
  }
  enrolled.lastStep = step;
  return generateHOTP(enrolled.secret, BigInt(step), 6);
}

/** On the enrolment page: reads the key shown for manual entry and confirms it with a code and the password. */
export async function enrolTwoFactor(page: Page, email: string, password: string): Promise<void> {
  await expect(page).toHaveURL(/\/account\/two-factor/);
  const key = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  totpSecrets.set(email, { secret: decodeBase32IgnorePadding(key), lastStep: 0 });
  await page.getByLabel("Six-digit code").fill(await totpCodeFor(email));
  // Turning it on asks for the password too (decision 0151).
  await page.getByLabel("Your password, or a code from your authenticator app").fill(password);
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByRole("heading", { name: "Recovery codes" })).toBeVisible();
}

/** Signs in through the form; accounts enrolled in this run also pass the second step. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  if (!totpSecrets.has(email)) return;
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  await page.getByLabel("Six-digit code").fill(await totpCodeFor(email));
  await page.getByRole("button", { name: "Verify" }).click();
}

/** Decodes the quoted-printable soft line breaks and `=3D` that a mail body may carry. */
function decodeQuotedPrintable(text: string): string {
  return text.replace(/=\r?\n/g, "").replace(/=3D/gi, "=");
}

/** The invitation link from the newest .eml in the local outbox addressed to `email`. */
export async function invitationLinkFor(email: string): Promise<string> {
  const outbox = path.join(e2eDataDir, "outbox");
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const files = (await readdir(outbox).catch(() => [] as string[])).filter((file) => file.endsWith(".eml") && file.includes(email)).sort();
        const newest = files.at(-1);
        if (!newest) return undefined;
        const body = decodeQuotedPrintable(await readFile(path.join(outbox, newest), "utf8"));
        link = body.match(/https?:\/\/[^\s"<>]+\/invitations\/[a-z2-7]{48}/)?.[0];
        return link;
      },
      { timeout: 15_000 },
    )
    .toBeTruthy();
  return link!;
}

/** The app shell's account menu (a <details> in the banner); found by the language form it holds, so in any language. */
function accountMenu(page: Page) {
  return page.getByRole("banner").locator("details:has(#language-switcher)");
}

/** Opens the account menu of the app shell, where the profile links, the language and sign-out live. */
export async function openAccountMenu(page: Page): Promise<void> {
  const menu = accountMenu(page);
  if (!(await menu.evaluate((details: HTMLDetailsElement) => details.open))) await menu.locator("> summary").click();
  await expect(page.locator("#language-switcher")).toBeVisible();
}

/**
 * Signs out from any page, in any language: through the account menu inside a workspace, straight from
 * the header elsewhere. The button is found by its form, as its label is in the reader's language.
 */
export async function signOut(page: Page): Promise<void> {
  // The page may still be arriving: wait for the form before asking whether it sits in a menu.
  await page.locator('form[action="/sign-out"]').waitFor({ state: "attached" });
  if ((await accountMenu(page).count()) > 0) await openAccountMenu(page);
  await page.locator('form[action="/sign-out"] button').click();
}

const HTML_LANG = { en: "en-GB", "sr-Cyrl": "sr-Cyrl-RS", "sr-Latn": "sr-Latn-RS", uk: "uk-UA" } as const;

/** Switches the interface language with the language form (in the account menu inside a workspace). */
export async function changeLanguage(page: Page, locale: keyof typeof HTML_LANG): Promise<void> {
  await page.locator("#language-switcher").waitFor({ state: "attached" });
  if ((await accountMenu(page).count()) > 0) await openAccountMenu(page);
  await page.locator("#language-switcher").selectOption(locale);
  await page.locator('form[action="/locale"]').getByRole("button").click();
  await expect(page.locator(`html[lang="${HTML_LANG[locale]}"]`)).toHaveCount(1);
}
