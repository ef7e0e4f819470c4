import { useEffect, useRef, useState } from "react";

// Long enough for screen readers to notice the region emptied, so that an unchanged count is read again.
const REANNOUNCE_DELAY_MS = 150;

/**
 * "12 visits shown." under a list's filters, in a polite live region that is on the page from the
 * start: when the filters change the list in place (a client-side GET), the new count is read out.
 * `filterKey` (the query string) changes with every filtering, also when the count does not.
 */
export function ResultCount({ count, more, filterKey }: { count: string; more?: string; filterKey: string }) {
  // Lists are paged: the count is of this page, and `more` says that the next page holds more.
  const text = more ? `${count} ${more}` : count;
  const [shown, setShown] = useState(text);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const clear = setTimeout(() => setShown(""), 0);
    const timer = setTimeout(() => setShown(text), REANNOUNCE_DELAY_MS);
    return () => {
      clearTimeout(clear);
      clearTimeout(timer);
    };
  }, [text, filterKey]);
  return (
    <p id="result-count" aria-live="polite" aria-atomic="true" className="min-h-5 text-sm text-slate-700">
      {shown}
    </p>
  );
}
