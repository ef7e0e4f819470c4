import { readFile } from "node:fs/promises";
import path from "node:path";
import { httpClient, load } from "./http.ts";
import { measureInterleaved } from "./measure.ts";
import { pageCalls, PAGES, type Ids } from "./pages.ts";
import { peakDuring, type BenchServer } from "./server.ts";
import { gzippedSize, languageChunk, preloadedScripts, sumSizes } from "./sizes.ts";
import { growth, type Timing } from "./stats.ts";

export type PageOptions = { warmup: number; runs: number; minMs: number; loadSeconds: number; soakSeconds: number; connections: number };

type PageRow = {
  page: string; url: string; procedures: string[];
  page_: Timing; inProcess: Timing; overHttp: Timing;
  /** page p50 ÷ its procedures in-process p50 (goal ≤ 2). */
  pageRatioP50: number; pageRatioP95: number;
  /** the same procedures over HTTP ÷ in-process, p50 (goal ≤ 1.5). */
  httpRatioP50: number;
  load: { perSecond: number; requests: number; errors: number; statuses: Record<number, number> };
  /** Non-200 answers (page or procedure over HTTP) during the timed runs at one connection. */
  timedErrors: number;
  /**
   * gzipBytes: what the HTML preloads (the goal's measure); language: the strings fetched before
   * hydration, preloaded since decision 0182 (then already in gzipBytes).
   */
  js: { gzipBytes: number; files: number; largest: string | null; goalBytes: number; language: string | null; languageBytes: number; languagePreloaded: boolean };
};
export type PageReport = {
  rows: PageRow[]; skipped: { page: string; reason: string }[];
  floor: { healthz: Timing; inProcess: Timing; overHttp: Timing; httpRatioP50: number };
  memory: { afterStartMb: number; soakSeconds: number; connections: number; soaks: { peakMb: number; perSecond: number; errors: number }[]; growth: number };
};

type Caller = Record<string, unknown>;
const KB = 1024;

/** Resolves "visits.list" on a tRPC caller. */
const procedureOf = (caller: Caller, dotted: string) =>
  dotted.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>;

/**
 * The page part of `pnpm bench` (decision 0175): each main page over HTTP from the built server,
 * interleaved with the same page's procedures through the in-process caller and over /api/trpc;
 * then requests/s at `connections` per page, the JavaScript each page's HTML preloads, and the
 * server's memory: right after start (`afterStartMb`, read by the caller before any request) and
 * its peak in two consecutive soaks over all pages.
 */
export async function benchPages(options: PageOptions & { server: BenchServer; afterStartMb: number; clientDir: string; ids: Ids; caller: Caller; cookie: string; log: (line: string) => void }): Promise<PageReport> {
  const { server, ids, caller, log } = options;
  const one = httpClient(server.url, 1);
  const many = httpClient(server.url, options.connections);
  for (const client of [one, many]) client.useCookie(options.cookie);
  const rows: PageRow[] = [];
  const skipped: PageReport["skipped"] = [];
  for (const page of PAGES) {
    try {
      const url = page.url(ids);
      const calls = pageCalls(page, ids);
      const first = await one.get(url);
      if (first.status !== 200) {
        skipped.push({ page: page.name, reason: `HTTP ${first.status} for ${url}` });
        continue;
      }
      // A failed answer is counted, not thrown: on a loaded machine a transaction may wait too long
      // (a finding to report), and the other pages still get measured.
      let timedErrors = 0;
      const inProcess = () => Promise.all(calls.map((c) => procedureOf(caller, c.path)(c.input)));
      const inProcessCounted = () => inProcess().catch(() => void timedErrors++);
      try {
        await inProcess();
      } catch (error) {
        skipped.push({ page: page.name, reason: `its procedures fail in-process: ${error instanceof Error ? error.message : String(error)}` });
        continue;
      }
      // One batch, as the browser's client sends a page's calls (a 207 means one of them failed).
      const overHttp = async () => {
        const answer = await one.batch(calls).catch(() => null);
        if (answer?.status !== 200) timedErrors++;
      };
      const getPage = async () => {
        const response = await one.get(url).catch(() => null);
        if (response?.status !== 200) timedErrors++;
      };
      const [pageTiming, inProcessTiming, httpTiming] = (await measureInterleaved([getPage, inProcessCounted, overHttp], options)) as [Timing, Timing, Timing];

      const scripts = preloadedScripts(first.body);
      const contents = await Promise.all(scripts.map(async (file) => ({ file, code: await readFile(path.join(options.clientDir, file), "utf8") })));
      const sizes = contents.map(({ file, code }) => ({ file, bytes: gzippedSize(code) }));
      const { total, largest } = sumSizes(sizes);
      const language = languageChunk(first.body, contents);
      const languageBytes = language ? gzippedSize(await readFile(path.join(options.clientDir, language))) : 0;
      const loaded = await load(many, [url], options.connections, options.loadSeconds);
      rows.push({
        page: page.name, url, procedures: calls.map((c) => c.path),
        page_: pageTiming, inProcess: inProcessTiming, overHttp: httpTiming,
        pageRatioP50: pageTiming.p50 / inProcessTiming.p50, pageRatioP95: pageTiming.p95 / inProcessTiming.p95,
        httpRatioP50: httpTiming.p50 / inProcessTiming.p50,
        load: loaded, timedErrors,
        js: { gzipBytes: total, files: sizes.length, largest: largest?.file ?? null, goalBytes: (page.dashboard ? 200 : 120) * KB, language, languageBytes, languagePreloaded: language !== null && scripts.includes(language) },
      });
      log(`  ${page.name}: page p50 ${pageTiming.p50.toFixed(1)} ms, procedures ${inProcessTiming.p50.toFixed(1)} ms, ${loaded.perSecond.toFixed(0)} req/s, JS ${(total / KB).toFixed(0)} KB`);
    } catch (error) {
      // One page that fails under load (a socket cut, a timeout) must not cost the others' figures.
      skipped.push({ page: page.name, reason: error instanceof Error ? error.message : String(error) });
    }
  }

  // The floor of any request: /healthz (no session, no database) and the cheapest tenant procedure
  // in-process and over HTTP, interleaved; HTTP ÷ in-process of one call is goal 2's cleanest figure.
  const current = { tenantSlug: ids.slug };
  const [healthz, currentInProcess, currentOverHttp] = (await measureInterleaved(
    [() => one.get("/healthz").catch(() => null), () => procedureOf(caller, "workspaces.current")(current).catch(() => null), () => one.query("workspaces.current", current).catch(() => null)],
    options,
  )) as [Timing, Timing, Timing];
  const floor = { healthz, inProcess: currentInProcess, overHttp: currentOverHttp, httpRatioP50: currentOverHttp.p50 / currentInProcess.p50 };

  const soakPaths = rows.map((r) => r.url);
  const soaks: PageReport["memory"]["soaks"] = [];
  for (let i = 0; i < 2 && soakPaths.length > 0; i++) {
    const { result, peak } = await peakDuring(server.rssMb, () => load(many, soakPaths, options.connections, options.soakSeconds));
    soaks.push({ peakMb: peak, perSecond: result.perSecond, errors: result.errors });
    log(`  soak ${i + 1}: peak RSS ${peak.toFixed(0)} MB, ${result.perSecond.toFixed(0)} req/s, ${result.errors} errors`);
  }
  for (const client of [one, many]) client.close();
  return {
    rows, skipped, floor,
    memory: {
      afterStartMb: options.afterStartMb, soakSeconds: options.soakSeconds, connections: options.connections, soaks,
      growth: soaks.length === 2 ? growth(soaks[0]!.peakMb, soaks[1]!.peakMb) : Number.NaN,
    },
  };
}
