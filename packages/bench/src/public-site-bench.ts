import type pg from "pg";
import { httpClient, load } from "./http.ts";
import type { BenchServer } from "./server.ts";
import type { Table } from "./report.ts";

/**
 * The public site's figure of `pnpm bench` (issue 17, docs/decisions/0203): a visitor's page served
 * from the server's cache against a signed-in page, requests/s at the same connections, one after
 * the other in one run. Goal: the public page at least 10× the signed-in page's rate.
 */
export const PUBLIC_GOAL_RATIO = 10;

/** Turns the big workspace's site on with its newest sent report published and one post (as the owner, like the synthetic data). */
export async function preparePublicSite(db: pg.Client, tenantId: string): Promise<void> {
  await db.query("INSERT INTO public_sites (tenant_id, enabled, languages, mandate) VALUES ($1, true, '{en,uk}', '{\"en\": \"The NPM.\"}')", [tenantId]);
  await db.query(
    `INSERT INTO public_reports (tenant_id, report_id, published_at)
     SELECT tenant_id, id, now() FROM reports WHERE tenant_id = $1 AND status = 'sent' ORDER BY sent_at DESC LIMIT 3`,
    [tenantId],
  );
  const post = await db.query<{ id: string }>("INSERT INTO public_posts (tenant_id, slug, published_at) VALUES ($1, 'bench-news', now()) RETURNING id", [tenantId]);
  await db.query("INSERT INTO public_post_translations (tenant_id, post_id, language, title, body) VALUES ($1, $2, 'en', 'News', '**A** visit.')", [tenantId, post.rows[0]!.id]);
}

export type PublicSiteReport = {
  publicPath: string; signedInPath: string; connections: number; seconds: number;
  public: { perSecond: number; errors: number }; signedIn: { perSecond: number; errors: number }; ratio: number;
};

export async function benchPublicSite(options: { server: BenchServer; slug: string; cookie: string; connections: number; seconds: number; log: (line: string) => void }): Promise<PublicSiteReport> {
  const publicPath = `/p/${options.slug}`;
  const signedInPath = `/t/${options.slug}`;
  const visitor = httpClient(options.server.url, options.connections);
  const member = httpClient(options.server.url, options.connections);
  member.useCookie(options.cookie);
  try {
    // The first request builds the page; the load then reads it from the cache.
    const first = await visitor.get(publicPath);
    if (first.status !== 200) throw new Error(`HTTP ${first.status} for ${publicPath}`);
    const publicLoad = await load(visitor, [publicPath], options.connections, options.seconds);
    const signedInLoad = await load(member, [signedInPath], options.connections, options.seconds);
    const ratio = publicLoad.perSecond / signedInLoad.perSecond;
    options.log(`  public site: ${publicLoad.perSecond.toFixed(0)} req/s from the cache, signed-in home ${signedInLoad.perSecond.toFixed(0)} req/s, ${ratio.toFixed(1)}×`);
    return {
      publicPath, signedInPath, connections: options.connections, seconds: options.seconds,
      public: { perSecond: publicLoad.perSecond, errors: publicLoad.errors }, signedIn: { perSecond: signedInLoad.perSecond, errors: signedInLoad.errors }, ratio,
    };
  } finally {
    visitor.close();
    member.close();
  }
}

export function publicSiteTable(report: PublicSiteReport): Table {
  return {
    title: "Public site: a visitor's page from the cache ÷ a signed-in page",
    header: ["page", "req/s", "errors"],
    rows: [
      [`public ${report.publicPath}`, report.public.perSecond.toFixed(0), String(report.public.errors)],
      [`signed in ${report.signedInPath}`, report.signedIn.perSecond.toFixed(0), String(report.signedIn.errors)],
    ],
    notes: [`${report.connections} connections, ${report.seconds} s each; ratio ${report.ratio.toFixed(1)}× (goal ≥ ${PUBLIC_GOAL_RATIO}×).`],
  };
}
