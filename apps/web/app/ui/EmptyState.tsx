import type { ReactNode } from "react";

/** An empty list that says what to do next. */
export function EmptyState({ title, body, action, headingLevel = 2 }: { title: string; body: string; action?: ReactNode; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="rounded-lg border border-dashed border-slate-300 bg-white p-6">
      <Heading className="text-lg font-semibold text-slate-900">{title}</Heading>
      <p className="mt-1 text-slate-600">{body}</p>
      {action ? <div className="mt-4">{action}</div> : null}
    </section>
  );
}
