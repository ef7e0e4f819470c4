import { useEffect, useRef } from "react";
import { useLocation, useNavigation } from "react-router";

/*
 * Where keyboard and screen-reader focus goes once React Router has rendered a new page or the
 * result of a form (issue 16 §6, docs/decisions/0200-focus-after-navigation.md). Without this,
 * focus stays on the button that was pressed (or falls to <body> when it was re-rendered away),
 * and nothing tells a screen reader that the page changed or what the form answered.
 *
 * Feedback elements mark themselves with data-feedback="error" | "success" (ui/FormMessage.tsx).
 */

/** Makes an element focusable by script only, then focuses it (which scrolls it into view). */
function focusElement(element: HTMLElement): void {
  if (!element.hasAttribute("tabindex") && !element.matches("a[href], button, input, select, textarea")) element.setAttribute("tabindex", "-1");
  element.focus();
}

function main(): HTMLElement | null {
  return document.getElementById("main") ?? document.querySelector("main");
}

/** The page's main heading, or <main> itself. */
function focusMainHeading(): void {
  const container = main();
  const heading = container?.querySelector<HTMLElement>("h1") ?? document.querySelector<HTMLElement>("h1");
  const target = heading ?? container;
  if (target) focusElement(target);
}

/**
 * After a form was answered: the error summary, else the first invalid field; on success the
 * success message; else (a redirect to another page) the main heading. True when it moved focus.
 */
function focusFormOutcome(pageChanged: boolean): boolean {
  const scope = main() ?? document.body;
  const error = scope.querySelector<HTMLElement>('[data-feedback="error"]') ?? scope.querySelector<HTMLElement>('[aria-invalid="true"]');
  const success = scope.querySelector<HTMLElement>('[data-feedback="success"]');
  const target = error ?? success;
  if (target) {
    focusElement(target);
    return true;
  }
  if (pageChanged) {
    focusMainHeading();
    return true;
  }
  return false;
}

type Previous = { pathname: string };

/**
 * Calls `onPageChange(title)` after a client-side move to another page (the path changed), and
 * moves focus: after a submitted form to its outcome, after a link to the new page's heading.
 * A GET form that only changes the query (filters) keeps focus where it is: the list announces
 * its own count.
 */
export function useFocusAfterNavigation(onPageChange: (title: string) => void): void {
  const navigation = useNavigation();
  const location = useLocation();
  const previous = useRef<Previous | null>(null);
  const pending = useRef<{ submitted: boolean; fromPath: string } | null>(null);

  useEffect(() => {
    if (navigation.state !== "idle") {
      // Remember what started the navigation: a non-GET form submission, and the page it left.
      pending.current ??= { submitted: navigation.formMethod !== undefined && navigation.formMethod.toUpperCase() !== "GET", fromPath: previous.current?.pathname ?? location.pathname };
      return;
    }
    const started = pending.current;
    pending.current = null;
    const before = previous.current;
    previous.current = { pathname: location.pathname };
    if (!before) return; // The first render: the server's page, nothing to announce.
    const pageChanged = (started?.fromPath ?? before.pathname) !== location.pathname;
    if (!started && !pageChanged) return;
    // The <title> of the new page is committed with this render; read it once the browser has painted.
    // (No cleanup: the next run of this effect returns early, so the frame is never stale.)
    requestAnimationFrame(() => {
      if (pageChanged) onPageChange(document.title);
      if (started?.submitted) focusFormOutcome(pageChanged);
      else if (pageChanged && !location.hash) focusMainHeading();
    });
  }, [navigation.state, navigation.formMethod, location.pathname, location.hash, location.key, onPageChange]);
}
