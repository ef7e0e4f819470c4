import { withTenant } from "@vigil/db";
import type { Locale } from "@vigil/i18n";
import { importTemplate } from "../templates/exchange.ts";
import { publishDraft } from "../templates/templates.ts";
import { type DemoWorkspaceContext, ownerActor } from "./context.ts";
// Imported rather than read from disk next to this file: the server build bundles the seed into a
// chunk elsewhere (apps/web/build/server/assets), where no data folder sits beside it (decision 0180).
import policeCustody from "./data/police-custody.template.json" with { type: "json" };
import prison from "./data/prison.template.json" with { type: "json" };

/** The demo methodology, in the documented exchange format (docs/template-format.md). */
const TEMPLATE_FILES: Record<string, unknown>[] = [policeCustody, prison];

/**
 * Keeps only the given languages in a template file: the data files hold English, Serbian Cyrillic
 * and Ukrainian, and each demo workspace works in English and its own language.
 */
function keepLanguages(file: Record<string, unknown>, languages: readonly Locale[]): Record<string, unknown> {
  const narrow = (value: unknown, key?: string): unknown => {
    if (Array.isArray(value)) return key === "languages" ? value.filter((l) => languages.includes(l as Locale)) : value.map((v) => narrow(v));
    if (value && typeof value === "object") {
      const entries = Object.entries(value);
      const isText = ["text", "title", "guidance", "label"].includes(key ?? "");
      return Object.fromEntries(entries.filter(([k]) => !isText || languages.includes(k as Locale)).map(([k, v]) => [k, narrow(v, k)]));
    }
    return value;
  };
  return narrow(file) as Record<string, unknown>;
}

/** Imports the police custody and prison templates through the import service and publishes them as version 1. */
export async function seedTemplates(workspace: DemoWorkspaceContext): Promise<void> {
  const languages: Locale[] = workspace.countryCode === "UA" ? ["en", "uk"] : ["en", "sr-Cyrl"];
  const actor = ownerActor(workspace);
  for (const file of TEMPLATE_FILES) {
    const text = JSON.stringify(keepLanguages(file, languages), null, 2);
    await withTenant(workspace.tenantId, workspace.ownerId, async (tx) => {
      const template = await importTemplate(tx, actor, text);
      await publishDraft(tx, actor, template.id);
    });
  }
}
