import { z } from "zod";

/** Zod schemas of the billing router's inputs. */

export const startCheckoutSchema = z.object({ planKey: z.string().min(1).max(40) });
