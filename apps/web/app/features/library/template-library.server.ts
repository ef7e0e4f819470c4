import { data } from "react-router";
import { runAction, type ServerApi } from "../../lib/api.server";

/** The template page's library panel: where the template came from, and where it is published. */
export async function loadTemplateLibrary(api: ServerApi, tenantSlug: string, templateId: string) {
  const [publications, source, forums] = await Promise.all([
    api.caller.library.own({ tenantSlug, templateId }),
    api.caller.library.importStatus({ tenantSlug, templateId }),
    api.caller.forums.list({ tenantSlug }),
  ]);
  return { publications, source, forums: forums.filter((forum) => forum.status === "accepted").map(({ id, name }) => ({ id, name })) };
}

/** The panel's forms (intents starting with "library"): handlers for the template page's dispatchIntent. */
export function templateLibraryHandlers(api: ServerApi, tenantSlug: string, form: FormData) {
  return {
    libraryPublish: async (intent: "libraryPublish") => {
      const forumId = String(form.get("forumId") ?? "");
      const result = await runAction(api, () => api.caller.library.publish({ tenantSlug, versionId: String(form.get("versionId") ?? ""), forumId: forumId || null }));
      return data({ ...result, intent, version: null }, { status: result.ok ? 200 : 400 });
    },
    libraryUnpublish: async (intent: "libraryUnpublish") => {
      const result = await runAction(api, () => api.caller.library.unpublish({ tenantSlug, publicationId: String(form.get("publicationId") ?? "") }));
      return data({ ...result, intent, version: null }, { status: result.ok ? 200 : 400 });
    },
  };
}
