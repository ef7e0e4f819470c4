import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { invitationMail } from "./templates/invitation.ts";
import { createMailer } from "./transport.ts";

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

it("without SMTP_URL, writes each message to the local outbox as an .eml file", async () => {
  const outboxDir = await mkdtemp(path.join(os.tmpdir(), "vigil-outbox-"));
  dirs.push(outboxDir);
  const mail = invitationMail({
    to: "marko@example.org", locale: "sr-Cyrl", workspaceName: "НПМ Србија", inviterName: "Јелена", role: "monitor",
    acceptUrl: "http://localhost:3000/invitations/abc", expiresAt: new Date(Date.UTC(2026, 11, 5)),
  });
  await createMailer({ outboxDir }).send(mail);

  const files = await readdir(outboxDir);
  expect(files).toHaveLength(1);
  expect(files[0]).toMatch(/marko@example\.org\.eml$/);
  const eml = await readFile(path.join(outboxDir, files[0]!), "utf8");
  expect(eml).toMatch(/^To: marko@example\.org$/m);
  expect(mail.subject).toBe("Позвани сте у радни простор „НПМ Србија” у Vigil-у");
  expect(mail.text).toContain("са улогом: Монитор");
  expect(mail.text).toContain("важи до 5. децембра 2026.");
});
