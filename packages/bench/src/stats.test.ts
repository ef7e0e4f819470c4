import { describe, expect, it } from "vitest";
import { gzippedSize, languageChunk, preloadedScripts, sumSizes } from "./sizes.ts";
import { extra, growth, pairedExtra, percentile, quantile, spreadOf, timing } from "./stats.ts";

describe("bench statistics", () => {
  it("takes nearest-rank percentiles", () => {
    const sorted = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(10);
    expect(percentile(sorted, 95)).toBe(19);
    expect(percentile([], 50)).toBeNaN();
    expect(timing([3, 1, 2])).toEqual({ p50: 2, p95: 3, mean: 2, runs: 3 });
  });

  it("interpolates quantiles between rounds", () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([4, 1, 3, 2, 5], 0.25)).toBe(2);
    expect(quantile([7], 0.75)).toBe(7);
  });

  it("reports the median of per-round ratios with its spread, and flags a spread wider than the goal", () => {
    const steady = spreadOf([0.04, 0.06, 0.05, 0.07, 0.03], 0.1);
    expect(steady).toMatchObject({ median: 0.05, q1: 0.04, q3: 0.06, min: 0.03, max: 0.07, rounds: 5, unsteady: false });
    const noisy = spreadOf([-0.3, 0.2, 0.05, 0.4, -0.1], 0.1);
    expect(noisy.median).toBe(0.05);
    expect(noisy.unsteady).toBe(true);
    expect(spreadOf([Number.NaN], 0.1)).toMatchObject({ rounds: 0, unsteady: true });
  });

  it("computes extra cost and growth as fractions", () => {
    expect(extra(11, 10)).toBeCloseTo(0.1);
    expect(extra(1, 0)).toBeNaN();
    expect(growth(200, 190)).toBeCloseTo(-0.05);
    // Pairs that ran together: one slow moment (the 3rd pair) moves both sides and not the ratio.
    expect(pairedExtra([11, 12, 55, 11], [10, 10, 50, 10])).toBeCloseTo(0.1);
    expect(pairedExtra([], [])).toBeNaN();
  });
});

describe("page JavaScript sizes", () => {
  const html = `<!DOCTYPE html><html><head><link rel="modulepreload" href="/assets/entry.client-A.js"/><link rel="modulepreload" href="/assets/root-B.js"/>
    <link rel="stylesheet" href="/assets/root-C.css"/><link rel="preload" as="font" href="/f.woff2"/></head><body>
    <script>window.__data = {"import":"x.js"};</script>
    <script type="module" async="">import "/assets/manifest-D.js";
    import * as route0 from "/assets/root-B.js";
    import * as route1 from "/assets/dashboard-E.js";
    window.__reactRouterRouteModules = {"root":route0};</script>
    <script src="/assets/legacy-F.js"></script></body></html>`;

  it("lists every script the HTML preloads or imports, once, and nothing else", () => {
    expect(preloadedScripts(html)).toEqual([
      "/assets/dashboard-E.js", "/assets/entry.client-A.js", "/assets/legacy-F.js", "/assets/manifest-D.js", "/assets/root-B.js",
    ]);
  });

  it("sums gzipped sizes and names the largest file", () => {
    expect(gzippedSize("a".repeat(10_000))).toBeLessThan(100);
    expect(sumSizes([{ file: "a", bytes: 10 }, { file: "b", bytes: 30 }])).toEqual({ total: 40, largest: { file: "b", bytes: 30 } });
    expect(sumSizes([])).toEqual({ total: 0, largest: null });
  });

  it("finds the language chunk fetched before hydration among the preloaded files' dynamic imports", () => {
    const code = 'var L={en:()=>h(()=>import(`./en-BxxF8gCy.js`),[]),"sr-Cyrl":()=>h(()=>import("./sr-Cyrl-CkfLs3Cj.js")),"sr-Latn":()=>import(`./sr-Latn-suD1nDjl.js`),uk:()=>import("./uk-Cn-KAkUB.js"),c:()=>import("./BarFigure-Ab12Cd34.js")}';
    const files = [{ file: "/assets/jsx-runtime-C5gKK9lm.js", code }];
    expect(languageChunk('<html lang="en-GB">', files)).toBe("/assets/en-BxxF8gCy.js");
    expect(languageChunk('<html lang="sr-Latn">', files)).toBe("/assets/sr-Latn-suD1nDjl.js");
    expect(languageChunk('<html lang="uk">', files)).toBe("/assets/uk-Cn-KAkUB.js");
    expect(languageChunk('<html lang="fr">', files)).toBeNull();
    expect(languageChunk("<html>", files)).toBeNull();
  });
});
