import { describe, expect, it } from "vitest";
import { renderedPdf } from "./rendered-pdfs.server";

function counter() {
  let renders = 0;
  const render = async () => {
    renders += 1;
    return new Uint8Array([37, 80, 68, 70, renders]);
  };
  return { render, renders: () => renders };
}

describe("public report PDFs", () => {
  it("are rendered once for repeated and parallel requests of the same document", async () => {
    const { render, renders } = counter();
    const document = JSON.stringify({ id: "report-a", summary: "Cells were cold." });
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => renderedPdf(document, render)));
    await renderedPdf(document, render);
    expect(renders()).toBe(1);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
  });

  it("are rendered again when the document changes, and after ten minutes", async () => {
    const { render, renders } = counter();
    const now = Date.now();
    await renderedPdf(JSON.stringify({ id: "report-b", status: "open" }), render, now);
    await renderedPdf(JSON.stringify({ id: "report-b", status: "implemented" }), render, now);
    expect(renders()).toBe(2);
    await renderedPdf(JSON.stringify({ id: "report-b", status: "open" }), render, now + 11 * 60_000);
    expect(renders()).toBe(3);
  });

  it("do not keep a failed render: the next request tries again", async () => {
    const document = JSON.stringify({ id: "report-c" });
    await expect(renderedPdf(document, () => Promise.reject(new Error("font missing")))).rejects.toThrow("font missing");
    const { render, renders } = counter();
    expect(await renderedPdf(document, render)).toBeInstanceOf(Uint8Array);
    expect(renders()).toBe(1);
  });
});
