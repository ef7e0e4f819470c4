/** The part of i18next's `t` this needs (so both react-i18next's and the server's fit). */
type Translate = (key: string, options: { defaultValue: string }) => string;

/**
 * An audit action's label in the reader's language (locales' `audit` key). An action without a
 * label (say, one written by a newer version of the server) shows its code rather than nothing;
 * packages/api/src/core/audit-actions.test.ts keeps every action the code writes (AUDIT_ACTIONS) labelled.
 * `action` stays a string: it is what the stored row says, which may predate the current list.
 */
export function auditActionLabel(t: Translate, action: string): string {
  return t(`audit.${action}`, { defaultValue: action });
}

/** A record type's label (locales' `auditRecordTypes` key); an unknown type shows as it is stored. */
export function auditRecordTypeLabel(t: Translate, recordType: string): string {
  return t(`auditRecordTypes.${recordType}`, { defaultValue: recordType });
}
