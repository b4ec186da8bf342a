// A local stand-in for Stripe's API (no emulator with PaymentIntents is
// installable here): an HTTP server implementing exactly the endpoints the
// Stripe provider calls through the real SDK (stripe.provider.ts):
//   POST /v1/payment_intents, GET /v1/payment_intents/:id,
//   POST /v1/refunds, GET /v1/refunds/:id
// with Stripe's semantics in that subset: form-encoded bodies, Bearer secret
// key, Idempotency-Key (same key and body: the same object; another body: 400
// idempotency_error), Stripe's error shape, refunds only of succeeded intents
// and never beyond what is left. Anything else answers 501, so a new call in
// the provider fails its test until added here. Helpers move intents and
// refunds like a card network would and sign webhook events with the SDK's
// test helper.
import { randomBytes } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

export const DOUBLE_SECRET_KEY = 'sk_test_double';
export const DOUBLE_PUBLISHABLE_KEY = 'pk_test_double';
export const DOUBLE_WEBHOOK_SECRET = 'whsec_double';

type Obj = Record<string, unknown>;

interface Intent extends Obj {
  id: string;
  object: 'payment_intent';
  amount: number;
  currency: string;
  status: string;
  client_secret: string;
  metadata: Record<string, string>;
  last_payment_error: { code: string; decline_code?: string; message: string } | null;
  amount_refunded: number;
}

interface RefundObj extends Obj {
  id: string;
  object: 'refund';
  amount: number;
  currency: string;
  payment_intent: string;
  status: string;
  failure_reason: string | null;
  metadata: Record<string, string>;
}

class StripeFault extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export interface StripeDouble {
  url: string;
  env: {
    STRIPE_SECRET_KEY: string;
    STRIPE_PUBLISHABLE_KEY: string;
    STRIPE_WEBHOOK_SECRET: string;
    STRIPE_API_URL: string;
  };
  /** Every request seen, as "METHOD /path". */
  requests: string[];
  /** The Idempotency-Key of every POST, in order. */
  idempotencyKeys: string[];
  intents: Map<string, Intent>;
  refunds: Map<string, RefundObj>;
  /** Status new refunds get (Stripe test cards: succeeded). */
  refundOutcome: 'succeeded' | 'pending' | 'failed';
  /** Answer every request with 503 (Stripe unreachable) while true. */
  down: boolean;
  succeed(intentId: string): Intent;
  fail(intentId: string, code?: string, message?: string): Intent;
  requireAction(intentId: string): Intent;
  cancel(intentId: string): Intent;
  settleRefund(refundId: string, status: 'succeeded' | 'failed', reason?: string): RefundObj;
  /** A webhook delivery: body and Stripe-Signature header (signed with `secret`). */
  webhook(
    type: string,
    object: Obj,
    options?: { id?: string; secret?: string },
  ): { id: string; payload: string; signature: string };
  close(): Promise<void>;
}

/** Stripe's form encoding (a[b]=c, a[0]=x) back into nested objects. */
function parseForm(text: string): Obj {
  const out: Obj = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const path = key.split(/\[|\]\[|\]/).filter(Boolean);
    let node = out;
    path.forEach((part, i) => {
      if (i === path.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Obj;
    });
  }
  return out;
}

/** Statuses Stripe lets a PaymentIntent be cancelled from. */
const CANCELABLE = new Set([
  'requires_payment_method',
  'requires_capture',
  'requires_confirmation',
  'requires_action',
]);

const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

export async function startStripeDouble(): Promise<StripeDouble> {
  const intents = new Map<string, Intent>();
  const refunds = new Map<string, RefundObj>();
  const idempotent = new Map<string, { body: string; status: number; response: unknown }>();
  const requests: string[] = [];
  const idempotencyKeys: string[] = [];
  const sdk = new Stripe(DOUBLE_SECRET_KEY);

  const intent = (id: string) => {
    const found = intents.get(id);
    if (!found)
      throw new StripeFault(
        404,
        'invalid_request_error',
        `No such payment_intent: '${id}'`,
        'resource_missing',
      );
    return found;
  };

  function route(method: string, path: string, body: Obj): unknown {
    let match: RegExpMatchArray | null;
    if (method === 'POST' && path === '/v1/payment_intents') {
      const amount = Number(body['amount']);
      if (!Number.isInteger(amount) || amount < 1)
        throw new StripeFault(
          400,
          'invalid_request_error',
          'Invalid integer: amount',
          'parameter_invalid_integer',
        );
      if (typeof body['currency'] !== 'string')
        throw new StripeFault(
          400,
          'invalid_request_error',
          'Missing required param: currency.',
          'parameter_missing',
        );
      const id = newId('pi');
      const created: Intent = {
        id,
        object: 'payment_intent',
        amount,
        currency: body['currency'],
        status: 'requires_payment_method',
        client_secret: `${id}_secret_${randomBytes(8).toString('hex')}`,
        metadata: (body['metadata'] as Record<string, string>) ?? {},
        last_payment_error: null,
        amount_refunded: 0,
        livemode: false,
      };
      intents.set(id, created);
      return created;
    }
    if (method === 'GET' && (match = path.match(/^\/v1\/payment_intents\/([\w]+)$/)))
      return intent(match[1]!);
    if (method === 'POST' && (match = path.match(/^\/v1\/payment_intents\/([\w]+)\/cancel$/))) {
      const pi = intent(match[1]!);
      if (!CANCELABLE.has(pi.status))
        throw new StripeFault(
          400,
          'invalid_request_error',
          `You cannot cancel this PaymentIntent because it has a status of ${pi.status}.`,
          'payment_intent_unexpected_state',
        );
      pi.status = 'canceled';
      return pi;
    }
    if (method === 'POST' && path === '/v1/refunds') {
      const pi = intent(String(body['payment_intent'] ?? ''));
      if (pi.status !== 'succeeded')
        throw new StripeFault(
          400,
          'invalid_request_error',
          `PaymentIntent ${pi.id} has no successful charge to refund.`,
          'charge_not_refundable',
        );
      const amount =
        body['amount'] === undefined ? pi.amount - pi.amount_refunded : Number(body['amount']);
      if (!Number.isInteger(amount) || amount < 1 || amount > pi.amount - pi.amount_refunded)
        throw new StripeFault(
          400,
          'invalid_request_error',
          `Refund amount (${amount}) is greater than unrefunded amount on charge (${pi.amount - pi.amount_refunded})`,
          'amount_too_large',
        );
      const refund: RefundObj = {
        id: newId('re'),
        object: 'refund',
        amount,
        currency: pi.currency,
        payment_intent: pi.id,
        status: double.refundOutcome,
        failure_reason: double.refundOutcome === 'failed' ? 'unknown' : null,
        metadata: (body['metadata'] as Record<string, string>) ?? {},
      };
      if (refund.status !== 'failed') pi.amount_refunded += amount;
      refunds.set(refund.id, refund);
      return refund;
    }
    if (method === 'GET' && (match = path.match(/^\/v1\/refunds\/([\w]+)$/))) {
      const refund = refunds.get(match[1]!);
      if (!refund)
        throw new StripeFault(
          404,
          'invalid_request_error',
          `No such refund: '${match[1]}'`,
          'resource_missing',
        );
      return refund;
    }
    throw new StripeFault(501, 'api_error', `The double does not implement ${method} ${path}.`);
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://double');
      const method = request.method ?? 'GET';
      requests.push(`${method} ${url.pathname}`);
      const send = (status: number, payload: unknown) => {
        response.writeHead(status, {
          'content-type': 'application/json',
          'request-id': newId('req'),
        });
        response.end(JSON.stringify(payload));
      };
      const fault = (e: StripeFault) =>
        send(e.status, {
          error: { type: e.type, message: e.message, ...(e.code ? { code: e.code } : {}) },
        });
      if (double.down) return fault(new StripeFault(503, 'api_error', 'Stripe is unavailable.'));
      if (request.headers.authorization !== `Bearer ${DOUBLE_SECRET_KEY}`)
        return fault(new StripeFault(401, 'invalid_request_error', 'Invalid API Key provided.'));
      const text = Buffer.concat(chunks).toString('utf8');
      const key = request.headers['idempotency-key'];
      const cacheKey =
        typeof key === 'string' && method === 'POST' ? `${url.pathname}|${key}` : null;
      if (cacheKey) {
        idempotencyKeys.push(key as string);
        const seen = idempotent.get(cacheKey);
        if (seen && seen.body !== text)
          return fault(
            new StripeFault(
              400,
              'idempotency_error',
              'Keys for idempotent requests can only be used with the same parameters they were first used with.',
            ),
          );
        if (seen) return send(seen.status, seen.response);
      }
      try {
        const payload = route(method, url.pathname, method === 'POST' ? parseForm(text) : {});
        if (cacheKey) idempotent.set(cacheKey, { body: text, status: 200, response: payload });
        send(200, payload);
      } catch (error) {
        fault(
          error instanceof StripeFault ? error : new StripeFault(500, 'api_error', String(error)),
        );
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  const move = (id: string, status: string, error: Intent['last_payment_error'] = null) => {
    const pi = intent(id);
    pi.status = status;
    pi.last_payment_error = error;
    return pi;
  };

  const double: StripeDouble = {
    url,
    env: {
      STRIPE_SECRET_KEY: DOUBLE_SECRET_KEY,
      STRIPE_PUBLISHABLE_KEY: DOUBLE_PUBLISHABLE_KEY,
      STRIPE_WEBHOOK_SECRET: DOUBLE_WEBHOOK_SECRET,
      STRIPE_API_URL: url,
    },
    requests,
    idempotencyKeys,
    intents,
    refunds,
    refundOutcome: 'succeeded',
    down: false,
    succeed: (id) => move(id, 'succeeded'),
    fail: (id, code = 'card_declined', message = 'Your card was declined.') =>
      move(id, 'requires_payment_method', { code, decline_code: 'generic_decline', message }),
    requireAction: (id) => move(id, 'requires_action'),
    cancel: (id) => move(id, 'canceled'),
    settleRefund(id, status, reason) {
      const refund = refunds.get(id);
      if (!refund) throw new Error(`no refund ${id}`);
      const pi = intent(refund.payment_intent);
      if (status === 'failed' && refund.status !== 'failed') pi.amount_refunded -= refund.amount;
      refund.status = status;
      refund.failure_reason = status === 'failed' ? (reason ?? 'unknown') : null;
      return refund;
    },
    webhook(type, object, options = {}) {
      const id = options.id ?? newId('evt');
      const payload = JSON.stringify({
        id,
        object: 'event',
        type,
        api_version: '2025-01-01',
        created: Math.floor(Date.now() / 1000),
        livemode: false,
        data: { object: structuredClone(object) },
      });
      const signature = sdk.webhooks.generateTestHeaderString({
        payload,
        secret: options.secret ?? DOUBLE_WEBHOOK_SECRET,
      });
      return { id, payload, signature };
    },
    close: () =>
      new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
  return double;
}
