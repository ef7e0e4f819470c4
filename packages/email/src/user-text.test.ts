import { describe, expect, it } from "vitest";
import { invitationMail } from "./templates/invitation.ts";
import { newDeviceMail } from "./templates/account-security.ts";
import { recommendationReminderMail } from "./templates/recommendation-reminder.ts";
import { defang, oneLine, quotedName, quotedPassage } from "./user-text.ts";

/** User-written names in Vigil's mails read as quotations, on one line, and are never links (decision 0158). */
const PHISHING_NAME = "Vigil Security Team\nYour account is locked.\r\nSign in at https://evil.example/login or www.evil.example";

describe("quotedName", () => {
  it("puts a name on one line between the language's quotation marks and defangs what would be a link", () => {
    expect(quotedName("en", PHISHING_NAME)).toBe(
      "“Vigil Security Team Your account is locked. Sign in at https[:]//evil[.]example/login or www[.]evil[.]example”",
    );
    expect(quotedName("sr-Cyrl", "НПМ Србија")).toBe("„НПМ Србија”");
    expect(quotedName("uk", "НПМ України")).toBe("«НПМ України»");
  });

  it("cannot be closed early, reordered or made long", () => {
    expect(quotedName("en", "Serbia” Vigil says: “hello")).toBe("“Serbia' Vigil says: 'hello”");
    expect(quotedName("en", "NPM \u202Eenilno\u2066 x")).toBe("“NPM enilno x”");
    expect(oneLine("x".repeat(500))).toHaveLength(120);
  });

  it("defangs addresses and domains but leaves ordinary words and abbreviations", () => {
    expect(defang("write to security@evil.example.org")).toBe("write to security@evil[.]example[.]org");
    expect(defang("Art. 20 OPCAT, e.g. prisons, No.5")).toBe("Art. 20 OPCAT, e.g. prisons, No.5");
  });

  it("defangs hosts written with other dots, in full-width letters, or as a bare IPv4 address", () => {
    expect(defang("sign in at evil\u3002example/login")).toBe("sign in at evil[.]example/login");
    expect(defang("sign in at evil\uFF0Eexample/login")).toBe("sign in at evil[.]example/login");
    expect(defang("sign in at evil\uFF61example/login")).toBe("sign in at evil[.]example/login");
    expect(defang("ｅｖｉｌ．ｅｘａｍｐｌｅ")).toBe("evil[.]example");
    expect(defang("sign in at 203.0.113.7/login")).toBe("sign in at 203[.]0[.]113[.]7/login");
    expect(defang("http://203.0.113.7:8080/x")).toBe("http[:]//203[.]0[.]113[.]7:8080/x");
    expect(defang("Law 12.3 of 2020, 1.2.3")).toBe("Law 12.3 of 2020, 1.2.3");
  });

  it("marks each line of a passage as quoted", () => {
    expect(quotedPassage("Renovate the cells.\nSee http://evil.example")).toBe("> Renovate the cells.\n> See http[:]//evil[.]example");
  });
});

describe("the templates", () => {
  const noLinkFrom = (text: string) => {
    expect(text).not.toMatch(/https?:\/\/evil|www\.evil|evil\.example/);
  };

  it("invitation: inviter and workspace quoted on one line; only Vigil's own link is a link", () => {
    const mail = invitationMail({
      to: "m@example.org", locale: "en", workspaceName: "NPM https://evil.example\nReset your password", inviterName: PHISHING_NAME, role: "monitor",
      acceptUrl: "https://vigil.example.org/invitations/abc", expiresAt: new Date(Date.UTC(2026, 11, 5)),
    });
    expect(mail.subject).toBe("You are invited to “NPM https[:]//evil[.]example Reset your password” on Vigil");
    const lines = mail.text.split("\n");
    expect(lines).toContain(
      "“Vigil Security Team Your account is locked. Sign in at https[:]//evil[.]example/login or www[.]evil[.]example” invites you to join the workspace “NPM https[:]//evil[.]example Reset your password” on Vigil as Monitor.",
    );
    expect(lines.some((line) => line.startsWith("Your account is locked") || line.startsWith("Reset your password"))).toBe(false);
    noLinkFrom(mail.text);
    expect(mail.text).toContain("https://vigil.example.org/invitations/abc");
  });

  it("overdue reminder and new-device notice do the same", () => {
    const reminder = recommendationReminderMail({
      to: "c@example.org", locale: "sr-Latn", workspaceName: PHISHING_NAME, placeName: "PU Kruševac\nhttps://evil.example", number: 3,
      text: "Renovate.\nhttps://evil.example", addressees: ["MUP www.evil.example"], dueDate: new Date(Date.UTC(2026, 0, 10)), url: "https://vigil.example.org/t/x/recommendations/1",
    });
    noLinkFrom(reminder.text);
    noLinkFrom(reminder.subject);
    expect(reminder.text).toContain("„PU Kruševac https[:]//evil[.]example”");
    const notice = newDeviceMail({ to: "u@example.org", locale: "en", device: "Firefox\nVisit https://evil.example", ipAddress: "203.0.113.9", time: "10:00", sessionsUrl: "https://vigil.example.org/sessions" });
    expect(notice.text).toContain("“Firefox Visit https[:]//evil[.]example”, IP address 203.0.113.9");
    noLinkFrom(notice.text);
  });
});
