import { useCallback, useState } from "react";
import { useFocusAfterNavigation } from "../lib/focus-after-navigation";

/**
 * A polite live region, present from the first render, that reads the new page's title after a
 * client-side navigation (a full page load is announced by the browser itself). It also owns where
 * focus goes after a navigation or a submitted form (lib/focus-after-navigation.ts).
 */
export function RouteAnnouncer() {
  const [title, setTitle] = useState("");
  const announce = useCallback((next: string) => setTitle(next), []);
  useFocusAfterNavigation(announce);
  return (
    <div id="route-announcer" aria-live="polite" aria-atomic="true" className="sr-only">
      {title}
    </div>
  );
}
