/** Keeps one request from ending the process: bounds a body's size and nesting before Bolt parses it, and logs what escapes Bolt. */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { parse as parseForm } from 'node:querystring';
import type { Logger } from '@slack/logger';

/** The largest request body read; the real payloads in the replay test weigh at most 45 kB. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** The deepest JSON nesting accepted; the real payloads in the replay test nest at most 9 levels. */
export const MAX_JSON_DEPTH = 64;

/** A request Bolt is working on, kept until its connection closes so an error that escapes Bolt can name it. */
interface RequestInFlight {
  body: Buffer;
  contentType: string | undefined;
  response: ServerResponse;
}
// A set rather than AsyncLocalStorage: on Node 22 the latter's promise hooks cost about a fifth of throughput.
const inFlight = new Set<RequestInFlight>();

/** The deepest nesting of `[` and `{` outside strings in JSON text; stops counting once past `limit`. */
export function jsonDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === 93 || c === 125) depth--;
  }
  return deepest;
}

/** The JSON a body carries, read as Bolt reads it: a form's `payload` field (none in a command), or the whole body. */
function jsonOf(body: Buffer, contentType: string | undefined): string {
  if (contentType !== 'application/x-www-form-urlencoded') return body.toString('utf8');
  if (!body.includes('payload=')) return '';
  const { payload } = parseForm(body.toString('utf8'));
  return typeof payload === 'string' ? payload : '';
}

/** What a request is, for logs: `command /pyterm`, `event app_mention`, `block_actions`, `app_rate_limited`... */
export function requestKind(body: unknown): string {
  if (typeof body !== 'object' || body === null) return 'unknown';
  const { type, command, event } = body as { type?: unknown; command?: unknown; event?: { type?: unknown } };
  if (typeof command === 'string') return `command ${command}`;
  if (typeof type !== 'string') return 'unknown';
  return type === 'event_callback' ? `event ${String(event?.type)}` : type;
}

/** The kind of a raw request body, parsed only when an error needs it. */
function kindOf({ body, contentType }: RequestInFlight): string {
  try {
    const json = jsonOf(body, contentType);
    return requestKind(json === '' ? parseForm(body.toString('utf8')) : JSON.parse(json));
  } catch {
    return 'unreadable';
  }
}

function refuse(response: ServerResponse, status: number) {
  if (response.headersSent) return;
  response.writeHead(status, { connection: 'close' });
  response.end();
}

/** Reads a body of at most `limit` bytes; undefined when it is larger (the rest is read and dropped). */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.once('end', () => resolve(size <= limit ? Buffer.concat(chunks, size) : undefined));
    request.once('error', reject);
  });
}

/** Where the guard applies and its limits. */
export interface GuardOptions {
  /** The path Slack posts to; other requests go straight to Bolt. */
  path: string;
  maxBodyBytes?: number;
  maxJsonDepth?: number;
}

/**
 * Wraps Bolt's HTTP request listener: a body over the size limit gets 413 and one nested past the depth limit
 * 400, before anything parses it (a signed url_verification nested a few thousand levels deep once made Bolt's
 * reply throw RangeError outside any listener). Bolt reuses the body read here (`rawBody`).
 */
export function guardRequests(
  bolt: RequestListener,
  logger: Logger,
  { path, maxBodyBytes = MAX_BODY_BYTES, maxJsonDepth = MAX_JSON_DEPTH }: GuardOptions,
): RequestListener {
  return (request, response) => {
    if (request.method !== 'POST' || request.url?.split('?')[0] !== path) return bolt(request, response);
    const contentType = request.headers['content-type'];
    if (Number(request.headers['content-length']) > maxBodyBytes) {
      logger.warn('refused a request body over the size limit', { limit: maxBodyBytes });
      refuse(response, 413);
      request.resume();
      return;
    }
    readBody(request, maxBodyBytes).then(
      (body) => {
        if (body === undefined) {
          logger.warn('refused a request body over the size limit', { limit: maxBodyBytes });
          return refuse(response, 413);
        }
        const depth = jsonDepth(jsonOf(body, contentType), maxJsonDepth);
        if (depth > maxJsonDepth) {
          logger.warn('refused a request nested too deeply', { limit: maxJsonDepth });
          return refuse(response, 400);
        }
        Object.assign(request, { rawBody: body });
        const entry = { body, contentType, response };
        inFlight.add(entry);
        response.once('close', () => inFlight.delete(entry));
        bolt(request, response);
      },
      (error: unknown) => {
        logger.warn('could not read a request body', { error: (error as Error).message });
        refuse(response, 400);
      },
    );
  };
}

/** How long after an escaped error a request still unanswered gets 500: past Bolt's own 3-second 404. */
export const STUCK_AFTER_MS = 3_500;

/**
 * Logs an error that escaped Bolt (an uncaught exception or unhandled rejection) with the kinds of the requests
 * then in flight without an answer (the one it came from among them) and keeps the process serving. Those still
 * unanswered `stuckAfterMs` later (Bolt gave up on them too) get 500, so no connection hangs.
 */
export function guardProcess(
  logger: Logger,
  target: NodeJS.EventEmitter = process,
  stuckAfterMs = STUCK_AFTER_MS,
): void {
  const report = (error: unknown) => {
    const unanswered = [...inFlight].filter((request) => !request.response.headersSent);
    logger.error('an error escaped Bolt; still serving', {
      requestKinds: unanswered.map(kindOf),
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    });
    setTimeout(() => {
      for (const request of unanswered) refuse(request.response, 500);
    }, stuckAfterMs).unref();
  };
  target.on('uncaughtException', report);
  target.on('unhandledRejection', report);
}
