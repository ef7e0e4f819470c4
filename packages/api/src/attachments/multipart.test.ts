import { describe, expect, it } from "vitest";
import { MultipartError, receiveMultipart } from "./multipart.ts";

/** A multipart request of `count` tiny text fields, optionally followed by one small file. */
function manyFields(count: number, withFile = false): Request {
  const parts = Array.from({ length: count }, (_, i) => `--XB\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\nx\r\n`);
  if (withFile) parts.push(`--XB\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n`);
  return new Request("http://x/upload", { method: "POST", headers: { "content-type": "multipart/form-data; boundary=XB" }, body: `${parts.join("")}--XB--\r\n` });
}

describe("receiveMultipart part limits", () => {
  it("accepts a form with a few fields and a file", async () => {
    const outcome = await receiveMultipart(manyFields(5, true), 1024, async ({ fields, file }) => {
      const chunks: Buffer[] = [];
      for await (const chunk of file!.content) chunks.push(chunk as Buffer);
      return { fields: Object.keys(fields).length, content: Buffer.concat(chunks).toString() };
    });
    expect(outcome).toEqual({ fields: 5, content: "hello" });
  });

  it("refuses a body of many tiny parts instead of parsing them all (the event-loop attack)", async () => {
    let received = false;
    const outcome = await receiveMultipart(manyFields(10_000), 1024, async () => (received = true)).catch((error: unknown) => error);
    expect(outcome).toBeInstanceOf(MultipartError);
    expect(received).toBe(false);
  });

});
