import { describe, expect, it } from "vitest";
import { dateTimeFormat, formatDate, formatNumber, numberFormat } from "./format.ts";

describe("formatters kept for the life of the process", () => {
  it("returns the same formatter for the same locale and options, another for other ones", () => {
    expect(dateTimeFormat("uk", { dateStyle: "medium" })).toBe(dateTimeFormat("uk", { dateStyle: "medium" }));
    expect(dateTimeFormat("uk", { dateStyle: "medium" })).not.toBe(dateTimeFormat("sr-Cyrl", { dateStyle: "medium" }));
    expect(dateTimeFormat("uk", { dateStyle: "medium" })).not.toBe(dateTimeFormat("uk", { dateStyle: "medium", timeZone: "UTC" }));
    expect(numberFormat("en", { style: "percent" })).toBe(numberFormat("en", { style: "percent" }));
    expect(numberFormat("en", { style: "percent" })).not.toBe(numberFormat("en"));
  });

  it("formats as a new formatter would, in each locale, whichever was asked for first", () => {
    const day = new Date(Date.UTC(2014, 5, 12));
    expect(formatDate("en", day, "long", "UTC")).toBe("12 June 2014");
    expect(formatDate("sr-Cyrl", day, "long", "UTC")).toBe("12. јуна 2014.");
    expect(formatDate("sr-Latn", day, "long", "UTC")).toBe("12. juna 2014.");
    expect(formatDate("en", day, "long", "UTC")).toBe("12 June 2014");
    expect(formatNumber("uk", 5000)).toBe(new Intl.NumberFormat("uk-UA").format(5000));
  });
});
