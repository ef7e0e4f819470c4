import type { TFunction } from "i18next";

const KNOWN_STATUSES = ["active", "trialing", "past_due", "unpaid", "canceled", "incomplete", "incomplete_expired", "paused"];

/** A Stripe subscription status in the reader's language; "No subscription" for none or one Vigil does not know. */
export function billingStatusLabel(t: TFunction, status: string | null | undefined): string {
  return status && KNOWN_STATUSES.includes(status) ? t(`billing.statuses.${status}`) : t("billing.statuses.none");
}
