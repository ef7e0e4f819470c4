import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
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
  await expect(page).toHaveURL(new RegExp(`/t/${owner.slug}$`));
  await expect(page.getByRole("heading", { level: 1, name: owner.workspaceName })).toBeVisible();
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
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
