/** Sends requests to a running app signed exactly as Slack signs them (v0 HMAC-SHA256). */
import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

/** Slack's request signature for `body` sent at `timestamp` (seconds). */
export function signature(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  timestamp?: number;
  secret?: string;
  headers?: Record<string, string>;
  /** Replaces the computed signature. */
  signature?: string;
}

/** POSTs a raw body with Slack's signing headers. */
export async function sendSigned(url: string, body: string, contentType: string, options: SendOptions = {}) {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? signature(body, timestamp, options.secret),
      ...options.headers,
    },
    body,
  });
}

/** A slash command, form-encoded as Slack sends it. */
export function sendCommand(url: string, fields: Record<string, string>, options?: SendOptions) {
  return sendSigned(
    url,
    new URLSearchParams(fields).toString(),
    'application/x-www-form-urlencoded',
    options,
  );
}

/** An interactivity payload (block_actions...), as one form field `payload` holding JSON. */
export function sendInteraction(url: string, payload: unknown, options?: SendOptions) {
  return sendSigned(
    url,
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    'application/x-www-form-urlencoded',
    options,
  );
}

/** An Events API envelope, as JSON. */
export function sendEvent(url: string, envelope: unknown, options?: SendOptions) {
  return sendSigned(url, JSON.stringify(envelope), 'application/json', options);
}
