import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { checkoutPage, portalPage } from "./fake-stripe-pages.ts";
import { eventOf, fakeId, newInvoice, newSubscription, type FakeCheckoutSession, type FakeInvoice, type FakeSubscription } from "./fake-stripe-state.ts";

export type FakeStripeOptions = {
  port?: number;
  /** Where "Pay" on the fake Checkout page delivers its signed events (the app's webhook endpoint), and with which secret. */
  webhookUrl?: string;
  webhookSecret?: string;
};

export type RecordedRequest = { method: string; path: string; form: Record<string, string> };

/**
 * A local stand-in for Stripe's HTTP API, for tests and the end-to-end run: the real SDK is pointed at
 * it (host, port, protocol). It serves customers, Checkout and Portal sessions, subscription reads and
 * invoice lists, and a Checkout page whose "Pay" button completes the session and sends signed webhooks.
 */
export async function startFakeStripe(options: FakeStripeOptions = {}) {
  const customers = new Map<string, { id: string; metadata: Record<string, string> }>();
  const sessions = new Map<string, FakeCheckoutSession>();
  const subscriptions = new Map<string, FakeSubscription>();
  const invoices: FakeInvoice[] = [];
  const requests: RecordedRequest[] = [];
  const signer = new Stripe("sk_test_fake_signer");
  let base = "";

  async function deliver(type: string, object: object) {
    if (!options.webhookUrl || !options.webhookSecret) return;
    const payload = JSON.stringify(eventOf(type, object));
    const signature = signer.webhooks.generateTestHeaderString({ payload, secret: options.webhookSecret });
    const response = await fetch(options.webhookUrl, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": signature }, body: payload });
    if (!response.ok) throw new Error(`webhook ${type} answered ${response.status}`);
  }

  /** What "Pay" does: the session completes, a subscription and a paid invoice exist, and Stripe tells the app. */
  async function completeCheckout(session: FakeCheckoutSession) {
    const subscription = newSubscription(session.customer, session.priceId);
    subscriptions.set(subscription.id, subscription);
    const invoice = newInvoice(base, subscription, 9900, "paid");
    invoices.push(invoice);
    Object.assign(session, { status: "complete", subscription: subscription.id });
    await deliver("checkout.session.completed", session);
    await deliver("customer.subscription.created", subscription);
    await deliver("invoice.paid", invoice);
    return subscription;
  }

  function api(req: IncomingMessage, path: string, form: Record<string, string>, url: URL): [number, unknown] {
    let match: RegExpMatchArray | null;
    if (req.method === "POST" && path === "/v1/customers") {
      const customer = { id: fakeId("cus"), object: "customer", name: form.name, email: form.email, metadata: { tenantId: form["metadata[tenantId]"] ?? "" } };
      customers.set(customer.id, customer);
      return [200, customer];
    }
    if (req.method === "POST" && path === "/v1/checkout/sessions") {
      const customer = form.customer ?? "";
      if (!customers.has(customer)) return [400, { error: { type: "invalid_request_error", message: `No such customer: '${customer}'` } }];
      const id = fakeId("cs_test");
      const session: FakeCheckoutSession = {
        id, object: "checkout.session", mode: form.mode ?? "", status: "open", customer, subscription: null, client_reference_id: form.client_reference_id ?? null,
        success_url: form.success_url ?? "", cancel_url: form.cancel_url ?? "", url: `${base}/checkout/${id}`, priceId: form["line_items[0][price]"] ?? "",
      };
      sessions.set(id, session);
      return [200, session];
    }
    if (req.method === "POST" && path === "/v1/billing_portal/sessions") {
      const id = fakeId("bps");
      return [200, { id, object: "billing_portal.session", customer: form.customer, return_url: form.return_url, url: `${base}/portal/${id}?return_url=${encodeURIComponent(form.return_url ?? "")}` }];
    }
    if (req.method === "GET" && (match = path.match(/^\/v1\/subscriptions\/([\w-]+)$/))) {
      const subscription = subscriptions.get(match[1]!);
      return subscription ? [200, subscription] : [404, { error: { type: "invalid_request_error", code: "resource_missing", message: "No such subscription" } }];
    }
    if (req.method === "GET" && path === "/v1/invoices") {
      const data = invoices.filter((invoice) => invoice.customer === url.searchParams.get("customer")).reverse();
      return [200, { object: "list", data, has_more: false, url: "/v1/invoices" }];
    }
    return [404, { error: { type: "invalid_request_error", message: `fake Stripe does not serve ${req.method} ${path}` } }];
  }

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", base);
    const body = await readBody(req);
    const form = Object.fromEntries(new URLSearchParams(body));
    requests.push({ method: req.method ?? "GET", path: url.pathname, form });
    if (url.pathname === "/healthz") return send(res, 200, "text/plain", "ok");
    let match: RegExpMatchArray | null;
    if ((match = url.pathname.match(/^\/checkout\/([\w-]+)(\/complete)?$/))) {
      const session = sessions.get(match[1]!);
      if (!session) return send(res, 404, "text/plain", "no such session");
      if (req.method === "POST" && match[2]) {
        await completeCheckout(session);
        res.writeHead(303, { location: session.success_url }).end();
        return;
      }
      return send(res, 200, "text/html", checkoutPage(session));
    }
    if (url.pathname.startsWith("/portal/")) return send(res, 200, "text/html", portalPage(url.searchParams.get("return_url") ?? "/"));
    if (url.pathname.startsWith("/v1/") && !/^Bearer sk_/.test(req.headers.authorization ?? "")) {
      return send(res, 401, "application/json", JSON.stringify({ error: { type: "invalid_request_error", message: "Invalid API Key provided" } }));
    }
    const [status, payload] = api(req, url.pathname, form, url);
    send(res, status, "application/json", JSON.stringify(payload));
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => send(res, 500, "text/plain", String(error)));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    requests,
    customers,
    sessions,
    subscriptions,
    completeCheckout,
    /** Adds a subscription for a customer (as if created elsewhere), for tests that drive events themselves. */
    addSubscription(customerId: string, priceId: string, status = "active") {
      const subscription = newSubscription(customerId, priceId, status);
      subscriptions.set(subscription.id, subscription);
      return subscription;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeStripe = Awaited<ReturnType<typeof startFakeStripe>>;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, { "content-type": `${type}; charset=utf-8` }).end(body);
}
