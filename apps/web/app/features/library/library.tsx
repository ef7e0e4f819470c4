import { PLACE_TYPES } from "@vigil/api/registry";
import { formatDate, LOCALE_NAMES, localeNames, LOCALES, type Locale } from "@vigil/i18n";
import type { PlaceType } from "@vigil/db";
import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import { Button } from "../../ui/Button";
import { EmptyState } from "../../ui/EmptyState";
import { PageHeader } from "../../ui/PageHeader";
import { SelectField } from "../../ui/SelectField";
import { loaderError, serverApi } from "../../lib/api.server";
import { pageTitle, useLocale } from "../../lib/locale";
import type { Route } from "./+types/library";
import { ForeignName, withNames, joinNodes } from "../../lib/bdi";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "library.title");

const isPlaceType = (value: string): value is PlaceType => (PLACE_TYPES as readonly string[]).includes(value);
const isLocale = (value: string): value is Locale => (LOCALES as readonly string[]).includes(value);
const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  const search = new URL(request.url).searchParams;
  const placeType = search.get("placeType") ?? "";
  const language = search.get("language") ?? "";
  const publisherId = search.get("publisher") ?? "";
  try {
    // Publishers for the filter come from the unfiltered list, so choosing one keeps the others offered.
    const [filtered, all] = await Promise.all([
      api.caller.library.browse({
        tenantSlug: params.slug,
        placeType: isPlaceType(placeType) ? placeType : undefined,
        language: isLocale(language) ? language : undefined,
        publisherId: isUuid(publisherId) ? publisherId : undefined,
      }),
      api.caller.library.browse({ tenantSlug: params.slug }),
    ]);
    return { publications: filtered.publications, publishers: all.publishers, filter: { placeType, language, publisherId } };
  } catch (error) {
    loaderError(error, request);
  }
}

export default function Library({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { publications, publishers, filter } = loaderData;
  const filtered = Boolean(filter.placeType || filter.language || filter.publisherId);
  return (
    <div className="space-y-6">
      <PageHeader title={t("library.title")} lead={t("library.lead")} />
      <Form method="get" role="search" aria-label={t("library.filters")} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4 sm:items-end">
        <SelectField name="placeType" label={t("library.placeType")} defaultValue={filter.placeType} options={[{ value: "", label: t("library.any") }, ...PLACE_TYPES.map((type) => ({ value: type, label: t(`placeTypes.${type}`) }))]} />
        <SelectField name="language" label={t("library.language")} defaultValue={filter.language} options={[{ value: "", label: t("library.any") }, ...LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))]} />
        <SelectField name="publisher" label={t("library.publisher")} defaultValue={filter.publisherId} options={[{ value: "", label: t("library.any") }, ...publishers.map((p) => ({ value: p.id, label: p.name }))]} />
        <Button variant="secondary">{t("library.applyFilters")}</Button>
      </Form>
      {publications.length === 0 ? (
        <EmptyState title={filtered ? t("library.noMatchTitle") : t("library.emptyTitle")} body={filtered ? t("library.noMatchBody") : t("library.emptyBody")} />
      ) : (
        <ul aria-label={t("library.listCaption")} className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {publications.map((publication) => (
            <li key={publication.id} className="p-4">
              <Link to={publication.id} className="font-medium text-teal-800 underline-offset-2 hover:underline">{publication.name}</Link>
              <p className="text-sm text-slate-600">
                {joinNodes([
                  withNames(t).t("library.byPublisher", { name: <ForeignName name={publication.publisherName} /> }),
                  t("library.version", { version: publication.version }),
                  publication.forumName ? t("library.inForum", { name: publication.forumName }) : t("library.everyone"),
                  publication.placeTypes.map((type) => t(`placeTypes.${type}`)).join(", "),
                  localeNames(publication.languages),
                  formatDate(locale, publication.publishedAt),
                ])}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
