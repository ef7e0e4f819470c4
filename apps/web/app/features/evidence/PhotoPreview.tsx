import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { FOCUS_RING } from "../../ui/Button";

/**
 * A photo's thumbnail that opens the photo. Both come from the evidence URL itself (`?view=`), so
 * they pass the same access checks as the download. With JavaScript the photo opens in a modal
 * dialog (Escape and the close button close it, and focus returns to the thumbnail); without, the
 * link shows the photo on its own page. The large photo is fetched only when opened: each preview
 * is audited.
 */
export function PhotoPreview({ href, name }: { href: string; name: string }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const preview = `${href}?view=preview`;

  useEffect(() => {
    if (open && !dialog.current?.open) dialog.current?.showModal();
  }, [open]);

  return (
    <>
      <a
        href={preview}
        className={`block shrink-0 rounded ${FOCUS_RING}`}
        onClick={(event) => {
          event.preventDefault();
          setOpen(true);
        }}
      >
        <img src={`${href}?view=thumbnail`} alt={t("attachments.preview", { name })} width={96} height={96} loading="lazy" className="h-24 w-24 rounded border border-slate-200 bg-slate-100 object-cover" />
      </a>
      <dialog ref={dialog} aria-label={name} onClose={() => setOpen(false)} className="m-auto max-h-[92vh] max-w-[92vw] rounded-lg bg-white p-0 shadow-xl backdrop:bg-slate-900/70">
        <form method="dialog" className="flex items-center justify-between gap-4 border-b border-slate-200 px-3 py-2">
          <span className="truncate text-sm font-medium text-slate-900">{name}</span>
          <button type="submit" className={`min-h-11 rounded px-3 text-sm font-medium text-teal-800 underline ${FOCUS_RING}`}>
            {t("attachments.closePreview")}
          </button>
        </form>
        {open ? <img src={preview} alt={name} className="block max-h-[80vh] max-w-full object-contain" /> : null}
      </dialog>
    </>
  );
}
