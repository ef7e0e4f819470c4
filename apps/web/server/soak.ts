// `pnpm --filter @vigil/web soak` (docs/decisions/0180): signed-in page traffic against a running
// server, printing the server's resident memory (RSS) before, during and after. Not a test: memory
// is a measurement, like timings in `pnpm bench`. Start the server first (`pnpm start`, demo data),
// then: SOAK_URL=http://localhost:3000 SOAK_PID=<server pid> SOAK_SECONDS=20 SOAK_CONNECTIONS=10.
import { readFile } from "node:fs/promises";

// The server's APP_URL: the same-origin check compares a form post's Origin with it.
const base = process.env.SOAK_URL ?? "http://localhost:3000";
const pid = Number(process.env.SOAK_PID);
const seconds = Number(process.env.SOAK_SECONDS ?? 20);
const connections = Number(process.env.SOAK_CONNECTIONS ?? 10);
const rounds = Number(process.env.SOAK_ROUNDS ?? 1);
/** Demo accounts without two-factor sign-in (README, "Demo sign-ins"). */
const accounts = ["marko.jovanovic@npm-serbia.example", "ana.nikolic@see-npm-network.example", "andrii.shevchenko@npm-ukraine.example"];
const password = process.env.SOAK_PASSWORD ?? "vigil-demo-2026";

/** Resident memory of the server in MB, from /proc (Linux), as `ps -o rss` reports it. */
async function rssMb(): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return Math.round(kb / 1024);
}

async function signIn(email: string): Promise<string> {
  const response = await fetch(`${base}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
    body: new URLSearchParams({ email, password, redirectTo: "" }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("vigil_session="));
  if (!cookie) throw new Error(`sign-in of ${email} failed (${response.status})`);
  return cookie.split(";")[0]!;
}

function pagesOf(email: string): string[] {
  const slug = email.includes("ukraine") ? "npm-ukraine" : "npm-serbia";
  const pages = ["dashboard", "visits", "visits/calendar", "recommendations", "places", "authorities", "templates"].map((page) => `/t/${slug}/${page}`);
  // Ana works in both workspaces; the Ukrainian pages render in another language.
  return email.startsWith("ana.") ? [...pages, "/t/npm-ukraine/dashboard", "/t/npm-ukraine/visits"] : pages;
}

async function soak(cookies: { cookie: string; pages: string[] }[]) {
  const until = Date.now() + seconds * 1000;
  const statuses = new Map<number, number>();
  let peak = 0;
  const sampler = setInterval(() => void rssMb().then((mb) => (peak = Math.max(peak, mb))), 500);
  await Promise.all(
    Array.from({ length: connections }, async (_, worker) => {
      const session = cookies[worker % cookies.length]!;
      for (let i = worker; Date.now() < until; i++) {
        const response = await fetch(`${base}${session.pages[i % session.pages.length]}`, { headers: { cookie: session.cookie } });
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }
    }),
  );
  clearInterval(sampler);
  const total = [...statuses.values()].reduce((a, b) => a + b, 0);
  return { total, statuses: Object.fromEntries(statuses), peak: Math.max(peak, await rssMb()) };
}

const log = (message: string) => process.stdout.write(`${message}\n`);
log(`RSS at start: ${await rssMb()} MB`);
const cookies = await Promise.all(accounts.map(async (email) => ({ cookie: await signIn(email), pages: pagesOf(email) })));
for (let round = 1; round <= rounds; round++) {
  const result = await soak(cookies);
  log(`soak ${round}: ${seconds} s, ${connections} connections, ${result.total} pages (${JSON.stringify(result.statuses)}), ` + `RSS peak ${result.peak} MB, after ${await rssMb()} MB`);
}
