import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * The built web server as production runs it: apps/web's `start` script (whatever it becomes, e.g.
 * compiled JavaScript instead of `node --import tsx`), on the bench database. Its RSS is read from
 * /proc for the whole process tree, so a wrapper shell or a worker counts too.
 */
export type BenchServer = { url: string; pid: number; rssMb: () => Promise<number>; stop: () => Promise<void>; output: () => string };

export async function startBuiltServer(options: { webDir: string; port: number; env: Record<string, string> }): Promise<BenchServer> {
  const pkg = JSON.parse(readFileSync(path.join(options.webDir, "package.json"), "utf8")) as { scripts: Record<string, string> };
  const url = `http://127.0.0.1:${options.port}`;
  let output = "";
  const child: ChildProcess = spawn("sh", ["-c", pkg.scripts.start!], {
    cwd: options.webDir,
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn", PORT: String(options.port), HOST: "127.0.0.1", APP_URL: url, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  let exited = false;
  child.on("exit", () => {
    exited = true;
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited) throw new Error(`The web server exited before it was ready:\n${output}`);
    if (Date.now() > deadline) throw new Error(`The web server was not ready in 120 s:\n${output}`);
    const ready = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ready) break;
    await sleep(200);
  }
  const pid = child.pid!;
  return {
    url,
    pid,
    rssMb: async () => (await treeRssKb(pid)) / 1024,
    output: () => output,
    stop: async () => {
      if (exited) return;
      // SIGTERM lets it drain and stop its job queue; the whole group, since `sh -c` may have forked.
      process.kill(-pid, "SIGTERM");
      for (let i = 0; i < 100 && !exited; i++) await sleep(100);
      if (!exited) process.kill(-pid, "SIGKILL");
    },
  };
}

async function treeRssKb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const rss = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
  const tasks = await readFile(`/proc/${pid}/task/${pid}/children`, "utf8").catch(() => "");
  let total = rss;
  for (const child of tasks.split(/\s+/).filter(Boolean)) total += await treeRssKb(Number(child));
  return total;
}

/** Samples `read` every `everyMs` while `work` runs; returns the work's result and the highest sample. */
export async function peakDuring<T>(read: () => Promise<number>, work: () => Promise<T>, everyMs = 250): Promise<{ result: T; peak: number }> {
  let peak = await read();
  let running = true;
  const sampler = (async () => {
    while (running) {
      peak = Math.max(peak, await read());
      await sleep(everyMs);
    }
  })();
  try {
    const result = await work();
    return { result, peak: Math.max(peak, await read()) };
  } finally {
    running = false;
    await sampler;
  }
}
