import { formatNumber } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { useBusy } from "../../lib/form";
import { useLocale } from "../../lib/locale";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";

type Figure = { metric: "implementation_rate" | "visits"; placeType: string; year: number | null; numerator: number; denominator: number | null; contributors: number };
type Props = { benchmark: { minimum: number; optedIn: number; withheld: boolean; figures: Figure[] }; optedIn: boolean; canChange: boolean };

/** Aggregated figures across the participants that opted in; never one workspace's own figure. */
export function BenchmarkCard({ benchmark, optedIn, canChange }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const busy = useBusy("optIn");
  const rates = benchmark.figures.filter((f) => f.metric === "implementation_rate");
  const visits = benchmark.figures.filter((f) => f.metric === "visits");
  const percent = (f: Figure) => (f.denominator ? t("forums.percent", { count: Math.round((f.numerator / f.denominator) * 100) }) : t("common.notAvailable"));
  return (
    <Card title={t("forums.benchmarkTitle")} id="benchmark">
      <div className="space-y-4">
        <p className="text-sm text-slate-600">{t("forums.benchmarkLead", { minimum: benchmark.minimum, count: benchmark.optedIn })}</p>
        {canChange ? (
          <Form method="post">
            <input type="hidden" name="intent" value="optIn" />
            <input type="hidden" name="optIn" value={optedIn ? "false" : "true"} />
            <Button variant="secondary" busy={busy}>{optedIn ? t("forums.optOut") : t("forums.optIn")}</Button>
          </Form>
        ) : null}
        <p role="status" className="text-sm text-slate-700">{optedIn ? t("forums.youContribute") : t("forums.youDoNotContribute")}</p>
        {benchmark.figures.length === 0 ? (
          <p className="rounded-md border border-dashed border-slate-300 p-3 text-slate-700">
            {benchmark.withheld ? t("forums.benchmarkWithheld") : t("forums.notEnough", { count: benchmark.minimum })}
          </p>
        ) : (
          <div className="space-y-6">
            {rates.length > 0 ? (
              <table className="w-full text-left text-sm">
                <caption className="mb-2 text-left font-medium text-slate-900">{t("forums.implementationCaption")}</caption>
                <thead><tr><th scope="col">{t("forums.placeType")}</th><th scope="col">{t("forums.implemented")}</th><th scope="col">{t("forums.rate")}</th><th scope="col">{t("forums.contributors")}</th></tr></thead>
                <tbody>
                  {rates.map((f) => (
                    <tr key={f.placeType} className="border-t border-slate-100">
                      <th scope="row" className="font-normal">{t(`placeTypes.${f.placeType}`)}</th>
                      <td>{t("forums.ofTotal", { count: f.numerator, total: f.denominator ?? 0 })}</td>
                      <td>{percent(f)}</td>
                      <td>{formatNumber(locale, f.contributors)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {visits.length > 0 ? (
              <table className="w-full text-left text-sm">
                <caption className="mb-2 text-left font-medium text-slate-900">{t("forums.visitsCaption")}</caption>
                <thead><tr><th scope="col">{t("forums.placeType")}</th><th scope="col">{t("forums.year")}</th><th scope="col">{t("forums.visits")}</th><th scope="col">{t("forums.contributors")}</th></tr></thead>
                <tbody>
                  {visits.map((f) => (
                    <tr key={`${f.placeType}-${f.year}`} className="border-t border-slate-100">
                      <th scope="row" className="font-normal">{t(`placeTypes.${f.placeType}`)}</th>
                      <td>{f.year}</td>
                      <td>{formatNumber(locale, f.numerator)}</td>
                      <td>{formatNumber(locale, f.contributors)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </div>
        )}
      </div>
    </Card>
  );
}
