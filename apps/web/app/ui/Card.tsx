import type { ReactNode } from "react";

/** A titled white panel: the one container style of the app. */
export function Card({ title, children, id }: { title?: string; children: ReactNode; id?: string }) {
  const headingId = id ? `${id}-heading` : undefined;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      {title ? (
        <h2 id={headingId} className="mb-4 text-lg font-semibold text-slate-900">
          {title}
        </h2>
      ) : null}
      {children}
    </section>
  );
}
