import { useEffect, useRef, type RefObject } from "react";
import { useLocation } from "react-router";

type Options = {
  /** Where focus and clicks still count as "inside" (the summary's panel may live outside the <details>). */
  area?: RefObject<HTMLElement | null>;
  /** Menus close when focus or a click leaves them, so an open panel never covers what has focus. */
  closeOnLeave?: boolean;
  /** Menus close after a page change; an edit panel keeps its own state. */
  closeOnNavigation?: boolean;
};

/**
 * A <details> disclosure that behaves like a menu once JavaScript runs: Escape closes it and returns
 * focus to its summary. Without JavaScript the <details> still opens and its links still navigate,
 * which is why the shell builds its menus on <details> rather than on a scripted popup.
 */
export function useDismissableDisclosure(details: RefObject<HTMLDetailsElement | null>, options: Options = {}) {
  const { area, closeOnLeave = false, closeOnNavigation = false } = options;
  const { pathname, search } = useLocation();
  const shownAt = useRef(`${pathname}${search}`);

  useEffect(() => {
    // Only a page change closes it: not hydration, when the effect first runs on the page the menu
    // was opened on (a tap before the scripts arrived used to be undone a moment later).
    const here = `${pathname}${search}`;
    if (closeOnNavigation && details.current && shownAt.current !== here) details.current.open = false;
    shownAt.current = here;
  }, [closeOnNavigation, details, pathname, search]);

  useEffect(() => {
    const disclosure = details.current;
    const region = area?.current ?? disclosure;
    if (!disclosure || !region) return;
    const summary = disclosure.querySelector("summary");
    const inside = (node: EventTarget | null) => node instanceof Node && region.contains(node);

    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "Escape" || !disclosure?.open) return;
      // The innermost open disclosure handles Escape; an outer one stays open.
      event.stopPropagation();
      disclosure.open = false;
      summary?.focus();
    }
    function onFocusOut(event: FocusEvent) {
      // relatedTarget is null when the window itself loses focus: the menu stays as it was.
      if (disclosure?.open && event.relatedTarget && !inside(event.relatedTarget)) disclosure.open = false;
    }
    function onPointerDown(event: PointerEvent) {
      if (disclosure?.open && !inside(event.target)) disclosure.open = false;
    }

    region.addEventListener("keydown", onKeyDown);
    if (!closeOnLeave) return () => region.removeEventListener("keydown", onKeyDown);
    region.addEventListener("focusout", onFocusOut);
    document.addEventListener("pointerdown", onPointerDown);
    return () => {
      region.removeEventListener("keydown", onKeyDown);
      region.removeEventListener("focusout", onFocusOut);
      document.removeEventListener("pointerdown", onPointerDown);
    };
  }, [area, closeOnLeave, details]);
}
