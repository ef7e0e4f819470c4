import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { buttonClass } from "../ui/Button";
import { pageTitle, useUser } from "../lib/locale";
import type { Route } from "./+types/home";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "landing.metaTitle");

const AUDIENCES = ["prisons", "police", "psychiatric", "social"] as const;

export default function Home() {
  const { t } = useTranslation();
  const user = useUser();
  return (
    <div className="space-y-10">
      <section className="space-y-4">
        <p className="text-sm font-semibold uppercase tracking-wide text-teal-800">{t("landing.eyebrow")}</p>
        <h1 className="text-3xl font-semibold tracking-tight text-slate-900 sm:text-4xl">{t("landing.title")}</h1>
        <p className="max-w-2xl text-lg text-slate-700">{t("landing.lead")}</p>
        <div className="flex flex-wrap gap-3">
          {user ? (
            <Link to="/workspaces" className={buttonClass("primary")}>
              {t("landing.openWorkspaces")}
            </Link>
          ) : (
            <>
              <Link to="/sign-up" className={buttonClass("primary")}>
                {t("landing.ctaSignUp")}
              </Link>
              <Link to="/sign-in" className={buttonClass("secondary")}>
                {t("landing.ctaSignIn")}
              </Link>
            </>
          )}
        </div>
      </section>
      <section aria-labelledby="audience-heading" className="space-y-3">
        <h2 id="audience-heading" className="text-xl font-semibold text-slate-900">
          {t("landing.audienceTitle")}
        </h2>
        <p className="max-w-2xl text-slate-700">{t("landing.audienceBody")}</p>
        <ul className="grid gap-3 sm:grid-cols-2">
          {AUDIENCES.map((key) => (
            <li key={key} className="rounded-lg border border-slate-200 bg-white p-4 text-slate-800">
              {t(`landing.places.${key}`)}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="features-heading" className="space-y-3">
        <h2 id="features-heading" className="text-xl font-semibold text-slate-900">
          {t("landing.featuresTitle")}
        </h2>
        <p className="max-w-2xl text-slate-700">{t("landing.featuresBody")}</p>
      </section>
    </div>
  );
}
