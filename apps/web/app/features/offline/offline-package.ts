import type { trpc } from "../../lib/trpc.client";

/** What offline.takeVisit gives a device, as it arrives over JSON (dates as strings). */
export type OfflinePackage = Awaited<ReturnType<typeof trpc.offline.takeVisit.mutate>>;
