import { useTranslation } from "react-i18next";
import { data, redirect } from "react-router";
import { Card } from "../../ui/Card";
import { PageHeader } from "../../ui/PageHeader";
import { PlaceForm } from "./PlaceForm";
import { loaderError, runAction, serverApi } from "../../lib/api.server";
import { pageTitle } from "../../lib/locale";
import { placeFieldsFrom } from "./place-form.server";
import { readForm } from "../../lib/read-form.server";
import type { Route } from "./+types/place-new";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "places.newTitle");

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  try {
    return { authorities: await api.caller.authorities.list({ tenantSlug: params.slug }) };
  } catch (error) {
    loaderError(error, request);
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const api = await serverApi(request, context, params);
  const form = await readForm(request);
  const result = await runAction(api, () => api.caller.places.create({ tenantSlug: params.slug, ...placeFieldsFrom(form) }));
  if (result.ok) throw redirect(`/t/${params.slug}/places/${result.result.id}`);
  return data(result, { status: 400 });
}

export default function PlaceNew({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <PageHeader title={t("places.newTitle")} />
      <Card>
        <PlaceForm authorities={loaderData.authorities} result={actionData} submitLabel={t("places.create")} />
      </Card>
    </div>
  );
}
