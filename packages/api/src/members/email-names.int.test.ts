import { expect, it } from "vitest";
import { createWorkspace } from "../workspaces/workspaces.ts";
import { callerFor, createTestUser, enrolTestTwoFactor, unique } from "../testing/index.ts";
import { useSmtpReceiver } from "../testing/smtp.ts";

const smtp = useSmtpReceiver();

/**
 * Issue 13 §3 through a real SMTP receiver: names written before names.ts refused line breaks (or
 * written straight to the database) still reach mail as quotations on one line, never as links.
 */
it("an invitation quotes the inviter's and the workspace's names on one line and makes no link from them", async () => {
  const inviter = await createTestUser("Vigil Security Team\nYour account is locked.\nSign in at https://evil.example/login");
  await enrolTestTwoFactor(inviter.id);
  const workspace = await createWorkspace({ name: "NPM www.evil.example\r\nReset your password", slug: unique("ws"), countryCode: "RS", defaultLocale: "en", ownerId: inviter.id });
  const email = `${unique("invitee")}@example.org`;
  await (await callerFor(inviter)).caller.members.invite({ tenantSlug: workspace.slug, email, role: "monitor" });

  const mail = await smtp.waitFor(email);
  expect(mail.subject).toBe("You are invited to “NPM www[.]evil[.]example Reset your password” on Vigil");
  const lines = (mail.text ?? "").split("\n");
  expect(lines).toContain(
    "“Vigil Security Team Your account is locked. Sign in at https[:]//evil[.]example/login” invites you to join the workspace “NPM www[.]evil[.]example Reset your password” on Vigil as Monitor.",
  );
  // Nothing of the names starts a line of its own, and nothing a mail program would link survives.
  expect(lines.filter((line) => /^(Your account|Sign in at|Reset your)/.test(line))).toEqual([]);
  expect(mail.text).not.toMatch(/evil\.example|https?:\/\/evil/);
  expect(mail.html).toBe(false);
  // Vigil's own link is still there.
  expect(mail.text).toMatch(/https?:\/\/\S+\/invitations\/[a-z2-7]+/);
});
