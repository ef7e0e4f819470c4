import { useSyncExternalStore, type ReactNode } from "react";

const subscribe = () => () => {};

/**
 * Renders its children only in the browser, after hydration. Charts measure their container, which
 * the server cannot; the server renders the figures' table instead (always present), so nothing is
 * missing without JavaScript and hydration never mismatches.
 */
export function AfterMount({ children }: { children: ReactNode }) {
  const mounted = useSyncExternalStore(subscribe, () => true, () => false);
  return mounted ? children : null;
}
