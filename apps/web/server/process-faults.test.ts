import { describe, expect, it } from "vitest";
import { isStreamError } from "./process-faults.ts";

describe("isStreamError", () => {
  it("recognises a broken socket or a truncated multipart body", () => {
    expect(isStreamError(Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }))).toBe(true);
    expect(isStreamError(Object.assign(new Error("Premature close"), { code: "ERR_STREAM_PREMATURE_CLOSE" }))).toBe(true);
    expect(isStreamError(new Error("Unexpected end of form"))).toBe(true);
    expect(isStreamError(new Error("Malformed part header"))).toBe(true);
  });

  it("does not excuse a bug", () => {
    expect(isStreamError(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isStreamError("ECONNRESET")).toBe(false);
  });
});
