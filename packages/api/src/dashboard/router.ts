import { exportFile } from "./export-files.ts";
import { recommendationExportTable, visitExportTable } from "./export-rows.ts";
import { dashboardFigures } from "./figures.ts";
import { dashboardExportSchema, dashboardFilterSchema } from "./inputs.ts";
import { router, tenantProcedure } from "../core/trpc.ts";

const exportName = (what: string, slug: string, year: number | undefined) => `${what}-${slug}-${year ?? "all"}`;

/**
 * The workspace's figures and the annual-report exports. Every member may read them: they show
 * nothing a viewer cannot already see in the lists (interview follow-ups keep their need to know).
 */
export const dashboardRouter = router({
  /** The page's figures in one transaction: summary, implementation rates, visits per place type and year. */
  figures: tenantProcedure("viewer").input(dashboardFilterSchema).query(({ ctx, input }) => dashboardFigures(ctx.tx, ctx.actor, input, new Date())),

  exportVisits: tenantProcedure("viewer")
    .input(dashboardExportSchema)
    .query(async ({ ctx, input }) => exportFile(await visitExportTable(ctx.tx, ctx.t, input), input.format, exportName("visits", ctx.tenant.slug, input.year))),
  exportRecommendations: tenantProcedure("viewer")
    .input(dashboardExportSchema)
    .query(async ({ ctx, input }) =>
      exportFile(await recommendationExportTable(ctx.tx, ctx.t, input, new Date()), input.format, exportName("recommendations", ctx.tenant.slug, input.year)),
    ),
});


