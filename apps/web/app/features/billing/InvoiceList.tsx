import { formatDate, numberFormat } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../lib/locale";
import { Card } from "../../ui/Card";
import type { ServerOutputs } from "../../lib/api-types";

type Invoice = NonNullable<Extract<ServerOutputs["billing"]["overview"], { billingEnabled: true }>["invoices"]>[number];

/** Invoices as Stripe has them (read live); null when Stripe could not be reached. */
export function InvoiceList({ invoices }: { invoices: Invoice[] | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = (invoice: Invoice) => numberFormat(locale, { style: "currency", currency: invoice.currency.toUpperCase() }).format(invoice.amountCents / 100);
  return (
    <Card title={t("billing.invoicesTitle")} id="invoices">
      {invoices === null ? <p className="text-slate-600">{t("billing.invoicesUnavailable")}</p> : null}
      {invoices?.length === 0 ? <p className="text-slate-600">{t("billing.invoicesEmpty")}</p> : null}
      {invoices && invoices.length > 0 ? (
        <ul className="divide-y divide-slate-100">
          {invoices.map((invoice) => (
            <li key={invoice.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
              <span className="font-medium text-slate-900">
                {formatDate(locale, invoice.createdAt)} · {invoice.number ?? "—"} · {money(invoice)}
              </span>
              <span className="flex gap-3 text-sm">
                {invoice.url ? (
                  <a className="text-teal-800 underline" href={invoice.url} target="_blank" rel="noreferrer">
                    {t("billing.invoiceView", { number: invoice.number ?? "" })}
                  </a>
                ) : null}
                {invoice.pdfUrl ? (
                  <a className="text-teal-800 underline" href={invoice.pdfUrl} target="_blank" rel="noreferrer">
                    {t("billing.invoicePdf", { number: invoice.number ?? "" })}
                  </a>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
