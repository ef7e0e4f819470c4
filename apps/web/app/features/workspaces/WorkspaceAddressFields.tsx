import { slugFromName } from "@vigil/api/slug";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { TextField } from "../../ui/TextField";

type Props = {
  nameField: string;
  slugField: string;
  nameLabel: string;
  nameHint?: string;
  defaults?: { name?: string; slug?: string };
  errors: { name?: string; slug?: string };
};

/**
 * A workspace's name and address (docs/decisions/0191). With JavaScript the address follows the name
 * as it is typed (the address the server would make) until the person edits it, and the hint shows
 * the whole address; without it the field may be filled by hand or left empty, and the server makes
 * the same address from the name. Either way it is checked (format, taken) before anything is created.
 */
export function WorkspaceAddressFields({ nameField, slugField, nameLabel, nameHint, defaults, errors }: Props) {
  const { t } = useTranslation();
  // Uncontrolled fields: what is typed before the page hydrates stays. The address field is filled
  // from the name only while the person has not typed in it themselves.
  const edited = useRef(Boolean(defaults?.slug));
  const [address, setAddress] = useState(defaults?.slug ?? "");
  return (
    <>
      <TextField
        name={nameField}
        label={nameLabel}
        hint={nameHint}
        required
        defaultValue={defaults?.name}
        onChange={(event) => {
          const slugInput = event.currentTarget.form?.elements.namedItem(slugField);
          if (edited.current || !(slugInput instanceof HTMLInputElement)) return;
          const made = event.target.value.trim() ? slugFromName(event.target.value) : "";
          slugInput.value = made;
          setAddress(made);
        }}
        error={errors.name}
      />
      <TextField
        name={slugField}
        label={t("fields.workspaceSlug")}
        hint={address ? t("workspaceAddress.preview", { address: `/t/${address}` }) : t("fields.workspaceSlugHint")}
        autoCapitalize="none"
        spellCheck={false}
        maxLength={48}
        defaultValue={defaults?.slug}
        onChange={(event) => {
          edited.current = event.target.value !== "";
          setAddress(event.target.value.trim().toLowerCase());
        }}
        error={errors.slug}
      />
    </>
  );
}
