import type { Readable } from "node:stream";
import yauzl from "yauzl";

/** A zip archive opened for reading entries by name, in any order (yauzl reads the central directory). */
export type ZipReader = {
  names: () => string[];
  open: (name: string) => Promise<Readable>;
  close: () => void;
};

export async function openZip(file: string): Promise<ZipReader> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (error, opened) => (error ? reject(error) : resolve(opened))),
  );
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on("end", resolve);
    zip.on("error", reject);
    zip.readEntry();
  });
  return {
    names: () => [...entries.keys()],
    open: (name) => {
      const entry = entries.get(name);
      if (!entry) return Promise.reject(new Error(`The archive has no ${name}: it is incomplete.`));
      return new Promise((resolve, reject) => zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream))));
    },
    close: () => zip.close(),
  };
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
