import http from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { expect, it } from "vitest";
import { closeGracefully } from "./shutdown.ts";

// Issue 12: on SIGTERM, closeAllConnections() cut 10 of 10 requests in flight. Each request here
// answers only when its body is complete, and the bodies are held back until after the close began.

function postWithHeldBody(port: number) {
  const socket = net.connect(port, "127.0.0.1");
  let received = "";
  let markStarted: () => void;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  socket.write("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\nab");
  const answered = new Promise<string>((resolve) => {
    socket.on("data", (data) => {
      received += data.toString();
      // "100 Continue": the server has the headers, the request is in flight.
      if (received.startsWith("HTTP/1.1 100")) markStarted();
    });
    socket.on("close", () => resolve(received.replace(/^HTTP\/1\.1 100 Continue\r\n\r\n/, "").split("\r\n")[0] ?? ""));
    socket.on("error", () => resolve("cut"));
  });
  return { started, finish: () => socket.end("cd"), answered };
}

it("lets every request in flight finish, refuses new connections, then closes", async () => {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => res.end(Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const requests = Array.from({ length: 10 }, () => postWithHeldBody(port));
  await Promise.all(requests.map((request) => request.started));

  const closing = closeGracefully(server, 10_000);
  const refused = await new Promise<boolean>((resolve) => {
    const probe = net.connect(port, "127.0.0.1");
    probe.on("connect", () => (probe.destroy(), resolve(false)));
    probe.on("error", () => resolve(true));
  });
  expect(refused).toBe(true);
  requests.forEach((request) => request.finish());
  expect(await Promise.all(requests.map((request) => request.answered))).toEqual(Array(10).fill("HTTP/1.1 200 OK"));
  expect(await closing).toBe(0);
});

it("cuts what is still busy after the drain time, and says how many", async () => {
  const server = http.createServer(() => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const stuck = postWithHeldBody(port);
  await stuck.started;
  expect(await closeGracefully(server, 200)).toBe(1);
  expect(await stuck.answered).not.toMatch(/^HTTP\/1\.1 200/);
});
