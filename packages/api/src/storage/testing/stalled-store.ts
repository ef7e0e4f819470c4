import net from "node:net";
import type { AddressInfo } from "node:net";

/**
 * A "store" that accepts connections and never answers (decision 0251): what a hung S3 endpoint
 * or a black-holed load balancer looks like to the client. Its sockets are destroyed on close.
 */
export async function startStalledStore(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    // Read and drop whatever the client sends, so its writes never block; answer nothing.
    socket.resume();
  });
  server.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
