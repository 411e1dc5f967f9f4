// A local stand-in for the few Stripe API endpoints the app calls, so the real SDK runs in tests
// (host/port/protocol) without the network: customers, Checkout Sessions, billing portal sessions,
// subscriptions (retrieve/update/cancel), invoices (retrieve), refunds. It honours Idempotency-Key
// like Stripe: the same key answers the same object. Tests drive "the customer paid" through it,
// and can hold an answer (holdNext) to act while the app waits on Stripe.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

type Obj = Record<string, unknown>;
export type StandInState = {
  customers: Map<string, Obj>;
  sessions: Map<string, Obj>;
  subscriptions: Map<string, Obj>;
  invoices: Map<string, Obj>;
  refunds: Map<string, Obj>;
  requests: { method: string; path: string }[];
};

export const newId = (prefix: string) => `${prefix}_${randomBytes(9).toString('hex')}`;
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** `a[b][0][c]=1` form encoding (what stripe-node sends) into nested objects. */
function parseForm(body: string): Obj {
  const out: Obj = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.replace(/\]/g, '').split('[');
    let node = out;
    path.forEach((part, i) => {
      if (i === path.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Obj;
    });
  }
  return out;
}

function subscriptionObject(id: string, customer: string, priceId: string, metadata: Obj, periodDays = 30): Obj {
  const start = nowSeconds();
  return {
    id,
    object: 'subscription',
    customer,
    status: 'active',
    start_date: start,
    cancel_at_period_end: false,
    cancel_at: null,
    canceled_at: null,
    metadata,
    items: {
      object: 'list',
      data: [
        {
          id: newId('si'),
          object: 'subscription_item',
          price: { id: priceId, object: 'price' },
          current_period_start: start,
          current_period_end: start + periodDays * 86400,
        },
      ],
    },
  };
}

export type StripeStandIn = {
  url: string;
  state: StandInState;
  /** The customer pays on Stripe's page: the session completes (and a subscription starts). */
  completeCheckout: (sessionId: string, options?: { paymentStatus?: 'paid' | 'unpaid' }) => Obj;
  putSubscription: (subscription: Obj) => void;
  /**
   * Holds the answer to the next request for `path` (e.g. a subscription re-read) until
   * `release()`: `arrived` resolves once the app is waiting on it, so a test can act in between.
   */
  holdNext: (method: string, path: string) => { arrived: Promise<void>; release: () => void };
  close: () => Promise<void>;
};

export async function startStripeStandIn(): Promise<StripeStandIn> {
  const state: StandInState = {
    customers: new Map(),
    sessions: new Map(),
    subscriptions: new Map(),
    invoices: new Map(),
    refunds: new Map(),
    requests: [],
  };
  const idempotent = new Map<string, Obj>();
  const holds = new Map<string, { arrive: () => void; released: Promise<void> }>();

  function route(method: string, path: string, body: Obj): [number, Obj] {
    const [, , resource, id, sub] = path.split('/'); // "", "v1", resource, id…
    if (method === 'POST' && resource === 'customers' && !id) {
      const customer = {
        id: newId('cus'),
        object: 'customer',
        email: body.email ?? null,
        name: body.name ?? null,
        metadata: body.metadata ?? {},
      };
      state.customers.set(customer.id, customer);
      return [200, customer];
    }
    if (resource === 'checkout' && id === 'sessions') {
      if (method === 'POST' && !sub) {
        const lineItems = (body.line_items ?? {}) as Record<string, Obj>;
        const first = lineItems['0'] ?? {};
        const priceData = first.price_data as Obj | undefined;
        const session: Obj = {
          id: newId('cs_test'),
          object: 'checkout.session',
          mode: body.mode,
          status: 'open',
          payment_status: 'unpaid',
          customer: body.customer ?? null,
          client_reference_id: body.client_reference_id ?? null,
          metadata: body.metadata ?? {},
          amount_total: priceData ? Number(priceData.unit_amount) : null,
          currency: priceData ? priceData.currency : null,
          payment_intent: null,
          subscription: null,
          success_url: body.success_url,
          cancel_url: body.cancel_url,
          _price: first.price ?? null,
          _subscriptionMetadata: (body.subscription_data as Obj | undefined)?.metadata ?? {},
        };
        session.url = `https://checkout.stripe.test/pay/${String(session.id)}`;
        state.sessions.set(String(session.id), session);
        return [200, session];
      }
      const session = state.sessions.get(sub ?? '');
      return session ? [200, session] : notFound('checkout.session', sub);
    }
    if (method === 'POST' && resource === 'billing_portal' && id === 'sessions') {
      return [
        200,
        {
          id: newId('bps'),
          object: 'billing_portal.session',
          customer: body.customer,
          url: `https://billing.stripe.test/session/${newId('p')}`,
          return_url: body.return_url,
        },
      ];
    }
    if (resource === 'subscriptions' && id) {
      const subscription = state.subscriptions.get(id);
      if (!subscription) return notFound('subscription', id);
      if (method === 'POST') {
        if (body.cancel_at_period_end !== undefined)
          subscription.cancel_at_period_end = body.cancel_at_period_end === 'true';
        if (body.metadata) subscription.metadata = { ...(subscription.metadata as Obj), ...(body.metadata as Obj) };
      }
      if (method === 'DELETE')
        Object.assign(subscription, { status: 'canceled', canceled_at: nowSeconds(), ended_at: nowSeconds() });
      return [200, subscription];
    }
    if (method === 'GET' && resource === 'invoices' && id) {
      const invoice = state.invoices.get(id);
      return invoice ? [200, invoice] : notFound('invoice', id);
    }
    if (method === 'POST' && resource === 'refunds') {
      const refund = {
        id: newId('re'),
        object: 'refund',
        payment_intent: body.payment_intent ?? null,
        charge: body.charge ?? null,
        status: 'succeeded',
      };
      state.refunds.set(refund.id, refund);
      return [200, refund];
    }
    return [404, { error: { type: 'invalid_request_error', message: `Stand-in has no ${method} ${path}` } }];
  }

  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const method = req.method ?? 'GET';
      state.requests.push({ method, path });
      const key = req.headers['idempotency-key'];
      const cacheKey = typeof key === 'string' ? `${method} ${path} ${key}` : null;
      let answer: [number, Obj];
      const cached = cacheKey ? idempotent.get(cacheKey) : undefined;
      if (cached) answer = [200, cached];
      else {
        answer = route(method, path, parseForm(raw));
        if (cacheKey && answer[0] === 200) idempotent.set(cacheKey, answer[1]);
      }
      const hold = holds.get(`${method} ${path}`);
      holds.delete(`${method} ${path}`);
      hold?.arrive();
      void (hold?.released ?? Promise.resolve()).then(() => {
        if (res.destroyed) return;
        res.writeHead(answer[0], { 'content-type': 'application/json', 'request-id': newId('req') });
        res.end(JSON.stringify(answer[1]));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    state,
    completeCheckout(sessionId, options = {}) {
      const session = state.sessions.get(sessionId);
      if (!session) throw new Error(`No session ${sessionId}`);
      const isPaid = (options.paymentStatus ?? 'paid') === 'paid';
      Object.assign(session, { status: 'complete', payment_status: isPaid ? 'paid' : 'unpaid' });
      if (session.mode === 'payment') session.payment_intent = newId('pi');
      if (session.mode === 'subscription') {
        const subscription = subscriptionObject(
          newId('sub'),
          String(session.customer),
          String(session._price),
          session._subscriptionMetadata as Obj,
        );
        state.subscriptions.set(String(subscription.id), subscription);
        session.subscription = subscription.id;
      }
      return session;
    },
    putSubscription(subscription) {
      state.subscriptions.set(String(subscription.id), subscription);
    },
    holdNext(method, path) {
      let arrive = () => {};
      let release = () => {};
      const arrived = new Promise<void>((resolve) => (arrive = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      holds.set(`${method} ${path}`, { arrive, released });
      return { arrived, release };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function notFound(kind: string, id: string | undefined): [number, Obj] {
  return [
    404,
    { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such ${kind}: '${id}'` } },
  ];
}

export { subscriptionObject };
