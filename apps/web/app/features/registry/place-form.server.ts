import type { PlaceType } from "@vigil/db";
import { readForm } from "../../lib/read-form.server";

/** A place form's fields as the places procedures take them (empty means "none"). */
export async function placeFieldsFrom(request: Request) {
  const form = await readForm(request);
  const text = (name: string) => String(form.get(name) ?? "");
  const capacity = text("capacity").trim();
  return {
    name: text("name"),
    type: text("type") as PlaceType,
    region: text("region"),
    municipality: text("municipality"),
    address: text("address"),
    // A non-number reaches the schema as NaN and is refused there, by field.
    capacity: capacity === "" ? null : Number(capacity),
    authorityId: text("authorityId") || null,
    notes: text("notes"),
  };
}
