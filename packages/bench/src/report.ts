import type { PageReport } from "./page-bench.ts";
import type { ProcedureRow } from "./procedure-bench.ts";
import type { Spread } from "./stats.ts";

/** One table, as aligned text for the terminal and as markdown for bench-results/*.md. */
export type Table = { title: string; header: string[]; rows: string[][]; notes: string[] };

export function textTable(table: Table): string[] {
  const widths = table.header.map((h, i) => Math.max(h.length, ...table.rows.map((l) => l[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return ["", table.title, format(table.header), widths.map((w) => "-".repeat(w)).join("  "), ...table.rows.map(format), ...table.notes];
}

export function markdownTable(table: Table): string[] {
  const row = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`;
  return ["", `### ${table.title}`, "", row(table.header), row(table.header.map((_, i) => (i === 0 ? "---" : "---:"))), ...table.rows.map(row), ...(table.notes.length ? ["", ...table.notes] : [])];
}

const ms = (value: number) => value.toFixed(1);
const ratio = (value: number) => `${value.toFixed(2)}×`;
const pct = (value: number) => `${value >= 0 ? "+" : ""}${(value * 100).toFixed(1)} %`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mark = (ok: boolean) => (ok ? "" : " !");

export function pageTables(report: PageReport, goals: { pageRatio: number; httpRatio: number }): Table[] {
  const rows = report.rows;
  return [
    {
      title: "Pages: the built server over HTTP against the same page's procedures (milliseconds; ! = goal missed)",
      header: ["page", "calls", "page p50", "page p95", "procs p50", "procs p95", "page÷procs p50", "HTTP p50", "HTTP÷in-proc p50", "req/s @10", "errors"],
      rows: rows.map((r) => [
        r.page, String(r.procedures.length), ms(r.page_.p50), ms(r.page_.p95), ms(r.inProcess.p50), ms(r.inProcess.p95),
        `${ratio(r.pageRatioP50)}${mark(r.pageRatioP50 <= goals.pageRatio)}`, ms(r.overHttp.p50),
        `${ratio(r.httpRatioP50)}${mark(r.httpRatioP50 <= goals.httpRatio)}`, r.load.perSecond.toFixed(0), `${r.load.errors + r.timedErrors}${mark(r.load.errors + r.timedErrors === 0)}`,
      ]),
      notes: [
        `procs = the page's procedures through the in-process tRPC caller, in parallel as its loaders call them; HTTP = the same procedures over /api/trpc in one batch, as the browser sends them; errors = non-200 answers in the timed runs and the load. Goals: page÷procs ≤ ${goals.pageRatio}×, HTTP÷in-proc ≤ ${goals.httpRatio}×, 0 errors.`,
        `Floor: /healthz p50 ${ms(report.floor.healthz.p50)} ms; workspaces.current in-process ${ms(report.floor.inProcess.p50)} ms, over HTTP ${ms(report.floor.overHttp.p50)} ms (${ratio(report.floor.httpRatioP50)}${mark(report.floor.httpRatioP50 <= goals.httpRatio)}).`,
        ...report.skipped.map((s) => `skipped ${s.page}: ${s.reason}`),
      ],
    },
    {
      title: "First-load JavaScript: everything the page's HTML preloads, gzipped",
      header: ["page", "files", "gzipped", "goal", "language", "largest file"],
      rows: rows.map((r) => [
        r.page, String(r.js.files), `${kb(r.js.gzipBytes)}${mark(r.js.gzipBytes <= r.js.goalBytes)}`, `≤ ${kb(r.js.goalBytes)}`,
        r.js.language ? `${kb(r.js.languageBytes)}${r.js.languagePreloaded ? " (preloaded, in the total)" : ""}` : "—", r.js.largest ?? "—",
      ]),
      notes: ["language: the active language's strings, which the entry needs before it hydrates; the HTML preloads them (decision 0182), so they are part of the total; — when the bundle carries them."],
    },
    {
      title: `Memory of the built server (RSS of its process tree; soaks of ${report.memory.soakSeconds} s at ${report.memory.connections} connections over the pages)`,
      header: ["figure", "value", "goal"],
      rows: [
        ["after start", `${report.memory.afterStartMb.toFixed(0)} MB${mark(report.memory.afterStartMb <= 250)}`, "≤ 250 MB"],
        ...report.memory.soaks.map((s, i) => [`peak in soak ${i + 1} (${s.perSecond.toFixed(0)} req/s, ${s.errors} errors)`, `${s.peakMb.toFixed(0)} MB${mark(s.peakMb <= 500)}`, "≤ 500 MB"]),
        ["growth soak 1 → 2", Number.isFinite(report.memory.growth) ? `${pct(report.memory.growth)}${mark(report.memory.growth <= 0.1)}` : "—", "≤ +10 %"],
      ],
      notes: [],
    },
  ];
}

const spreadText = (s: Spread) => `${pct(s.q1)} … ${pct(s.q3)} (${pct(s.min)} … ${pct(s.max)})`;

export function procedureTables(rows: ProcedureRow[], skipped: { procedure: string; reason: string }[], describe: string, tolerance: number): Table[] {
  return [
    {
      title: `Procedures (milliseconds). ${describe}`,
      header: ["procedure", "stmts", "tRPC p50", "tRPC p95", "raw p50", "raw p95", "×raw p50", "×raw p95", "owner p50"],
      rows: rows.map((r) => [
        r.procedure, String(r.statements), ms(r.trpc.p50), ms(r.trpc.p95), ms(r.raw.p50), ms(r.raw.p95),
        r.ratioP50.toFixed(2), r.ratioP95.toFixed(2), `${ms(r.owner.p50)}${r.ownerReadsMore ? "*" : ""}`,
      ]),
      notes: [
        ...(rows.some((r) => r.ownerReadsMore) ? ["* as the owner these statements read other rows than the app role: no like-for-like RLS figure."] : []),
        ...skipped.map((s) => `skipped ${s.procedure}: ${s.reason}`),
      ],
    },
    {
      title: "Row-level security's extra cost: median of the per-round ratios (app role ÷ owner − 1), interleaved",
      header: ["procedure", "rounds", "RLS extra", "IQR (min … max)", "steady?"],
      rows: rows.map((r) =>
        r.rls === null
          ? [r.procedure, "—", "—", r.statements === 0 ? "no statements of its own" : "owner reads other rows", "—"]
          : [r.procedure, String(r.rls.rounds), pct(r.rls.median), spreadText(r.rls), r.rls.unsteady ? `NO: IQR > ${(tolerance * 100).toFixed(0)} pts` : "yes"],
      ),
      notes: [`A figure whose IQR is wider than ${(tolerance * 100).toFixed(0)} percentage points cannot say whether the ≤ ${(tolerance * 100).toFixed(0)} % goal is met: rerun it with more rounds (BENCH_ROUNDS) on a quieter machine.`],
    },
  ];
}
