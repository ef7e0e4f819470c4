import { describe, expect, it } from "vitest";
import { markdownTable, textTable } from "./report.ts";

describe("bench tables", () => {
  const table = { title: "Pages", header: ["page", "p50"], rows: [["visits", "12.5"], ["a|b", "3.0"]], notes: ["a note"] };

  it("aligns text columns: names to the left, figures to the right", () => {
    expect(textTable(table)).toEqual(["", "Pages", "page     p50", "------  ----", "visits  12.5", "a|b      3.0", "a note"]);
  });

  it("writes markdown with right-aligned figures and escaped pipes", () => {
    expect(markdownTable(table)).toEqual(["", "### Pages", "", "| page | p50 |", "| --- | ---: |", "| visits | 12.5 |", "| a\\|b | 3.0 |", "", "a note"]);
  });
});
