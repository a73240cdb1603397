// Delivers a Stripe event to Chargebase's webhook endpoint signed by the npm `stripe` package itself
// (stripe.webhooks.generateTestHeaderString), and prints one JSON document with what the endpoint answered:
//   signed:   the event, signed now, delivered twice (a replay) - each { status, body }
//   tampered: the event with its amounts changed after signing, under the original's signature
//   stale:    the event signed ten minutes ago (beyond the 300 s tolerance)
// Usage: WEBHOOK_SECRET=whsec_... EVENT='{"id":"evt_..."}' node stripe-webhooks.mjs http://localhost:8080/webhooks/stripe
import Stripe from 'stripe';

const url = process.argv[2];
const secret = process.env.WEBHOOK_SECRET;
const payload = process.env.EVENT;
if (!url || !secret || !payload) {
  console.error('usage: WEBHOOK_SECRET=... EVENT=<json> node stripe-webhooks.mjs <webhook url>');
  process.exit(2);
}

// the key is never used: signing happens locally
const stripe = new Stripe('sk_test_signing_only');

const deliver = async (body, signature) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signature },
    body,
  });
  return { status: response.status, body: await response.text() };
};

const signedNow = stripe.webhooks.generateTestHeaderString({ payload, secret });
const signed = [await deliver(payload, signedNow), await deliver(payload, signedNow)];

const tamperedBody = payload.replace(/"amount_received":\s*(\d+)/, (_, n) => `"amount_received": ${Number(n) + 100}`);
if (tamperedBody === payload) {
  console.error('the event has no amount_received to tamper with');
  process.exit(2);
}
const tampered = await deliver(tamperedBody, signedNow);

const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
const stale = await deliver(payload, stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: tenMinutesAgo }));

console.log(JSON.stringify({ signed, tampered, stale, header: signedNow.replace(/v1=[0-9a-f]+/, 'v1=...') }, null, 2));
