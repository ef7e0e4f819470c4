import type { TenantTx } from "@vigil/db";
import { parseTemplateFile, toTemplateFile, type TemplateFile } from "./template-format.ts";
import type { Actor } from "../core/actor.ts";
import { createTemplate, getTemplateVersion } from "./templates.ts";

/**
 * Imports a template file as a new template whose draft holds the file's content: an imported
 * methodology is reviewed (and its translations checked) before a visit may use it (decision 0041).
 * The file is validated completely before the first write, and the procedure's transaction makes the
 * import all or nothing.
 */
export async function importTemplate(tx: TenantTx, actor: Actor, text: string) {
  const file = parseTemplateFile(text);
  return createTemplate(tx, actor, { name: file.name, placeTypes: file.placeTypes, languages: file.languages }, { sections: file.sections }, "import");
}

/** A version (published or draft) in the exchange format. */
export async function exportTemplateVersion(tx: TenantTx, versionId: string): Promise<TemplateFile> {
  const version = await getTemplateVersion(tx, versionId);
  return toTemplateFile(version.template, version);
}
