import { OfflineStatusBar } from "./OfflineStatusBar";
import { useOfflineSync } from "./use-offline-sync";

/**
 * The offline status on the online checklist (issue 18): the network, the changes this device
 * still holds, the last sync and "Send now", in the checklist's sticky bar, so a monitor whose
 * network comes and goes sees on the page itself whether everything has reached the server.
 */
export function ChecklistOfflineStatus() {
  const sync = useOfflineSync();
  return <OfflineStatusBar sync={sync} compact />;
}
