import { translator } from "@vigil/i18n";
import { describe, expect, it } from "vitest";
import { auditActionLabel, auditRecordTypeLabel } from "./audit-actions";

describe("audit action labels", () => {
  it("reads a dotted action code as one key, in the reader's language", () => {
    expect(auditActionLabel(translator("uk"), "visit.statusChanged")).toBe("Статус візиту змінено");
    expect(auditActionLabel(translator("sr-Latn"), "report.sent")).toBe("Izveštaj je poslat");
    expect(auditActionLabel(translator("en"), "member.roleChanged")).toBe("Role changed");
  });

  it("shows the code of an action it has no label for", () => {
    expect(auditActionLabel(translator("en"), "example.neverWritten")).toBe("example.neverWritten");
  });
});

describe("audit record type labels", () => {
  it("names a record type in the reader's language, or shows an unknown one as stored", () => {
    expect(auditRecordTypeLabel(translator("uk"), "checklistTemplate")).toBe("Шаблон контрольного списку");
    expect(auditRecordTypeLabel(translator("sr-Cyrl"), "authority")).toBe("Орган");
    expect(auditRecordTypeLabel(translator("en"), "example")).toBe("example");
  });
});
