import { useTranslation } from "react-i18next";
import { data, redirect } from "react-router";
import { Card } from "../../ui/Card";
import { PageHeader } from "../../ui/PageHeader";
import { PlaceForm } from "./PlaceForm";
import { loaderError, runAction, serverApi } from "../../lib/api.server";
import { pageTitle } from "../../lib/locale";
import { placeFieldsFrom } from "./place-form.server";
import { readForm } from "../../lib/read-form.server";
import type { Route } from "./+types/place-edit";

export const meta: Route.MetaFunction = ({ matches, data: loaded }) => pageTitle(matches, "places.editTitle", { name: loaded?.place.name ?? "" });

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  try {
    const [place, authorities] = await Promise.all([
      api.caller.places.get({ tenantSlug: params.slug, placeId: params.placeId }),
      api.caller.authorities.list({ tenantSlug: params.slug }),
    ]);
    return { place, authorities };
  } catch (error) {
    loaderError(error, request);
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const api = await serverApi(request, context, params);
  const form = await readForm(request);
  const result = await runAction(api, () => api.caller.places.update({ tenantSlug: params.slug, placeId: params.placeId, ...placeFieldsFrom(form) }));
  if (result.ok) throw redirect(`/t/${params.slug}/places/${params.placeId}?saved=1`);
  return data(result, { status: 400 });
}

export default function PlaceEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { place, authorities } = loaderData;
  // An archived authority that the place still names stays selectable.
  const options = place.authority && !authorities.some((a) => a.id === place.authority!.id) ? [...authorities, place.authority] : authorities;
  return (
    <div className="space-y-6">
      <PageHeader title={t("places.editTitle", { name: place.name })} />
      <Card>
        <PlaceForm place={place} authorities={options} result={actionData} submitLabel={t("places.save")} />
      </Card>
    </div>
  );
}
