import { placeFieldsSchema } from "@vigil/api/inputs";
import { parseForm } from "../../lib/parse-form.server";
import { nameTranslationsFrom } from "./name-translations.server";

/** A place form's fields as the places procedures take them (empty means "none"); call it inside runAction. */
export function placeFieldsFrom(form: FormData) {
  const text = (name: string) => String(form.get(name) ?? "");
  const capacity = text("capacity").trim();
  return {
    name: text("name"),
    nameTranslations: nameTranslationsFrom(form),
    type: parseForm(form, placeFieldsSchema.pick({ type: true })).type,
    region: text("region"),
    municipality: text("municipality"),
    address: text("address"),
    // A non-number reaches the schema as NaN and is refused there, by field.
    capacity: capacity === "" ? null : Number(capacity),
    authorityId: text("authorityId") || null,
    notes: text("notes"),
  };
}
