import { z } from "zod";

/** The dashboard's one filter: a calendar year of visits (absent: all years). */
export const dashboardFilterSchema = z.object({ year: z.number().int().min(1990).max(2200).optional() });
export type DashboardFilter = z.infer<typeof dashboardFilterSchema>;

export const exportFormatSchema = z.enum(["csv", "xlsx"]);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

export const dashboardExportSchema = dashboardFilterSchema.extend({ format: exportFormatSchema });
