/** How PyHire's Web API client behaves: bounded retries, a timeout, and a log line for every failed call. */

import type { webApi } from '@slack/bolt';
import type { Logger } from '@slack/logger';

/** Retries a failed or rate-limited call a few times within seconds, not the client's default half hour. */
export const RETRY_POLICY = {
  retries: 3,
  factor: 2,
  minTimeout: 250,
  maxTimeout: 2_000,
  maxRetryTime: 20_000,
  randomize: true,
};
/** Milliseconds before one Web API request is abandoned (and retried). */
export const REQUEST_TIMEOUT_MS = 10_000;

/** The Web API method of a request URL: `https://slack.com/api/chat.postMessage` → `chat.postMessage`. */
function methodOf(url: unknown): string {
  return String(url).split('?')[0]?.split('/').pop() ?? 'unknown';
}

/**
 * A fetch that logs Web API failures: HTTP 429 and 5xx with their status, `ok: false` with Slack's error.
 * It logs the method and the error only: never the request, its headers or its token.
 */
export function loggingFetch(logger: Logger, base: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = methodOf(url);
    let response: Response;
    try {
      response = await base(input, init);
    } catch (error) {
      logger.warn('Slack Web API request failed', { method, error: (error as Error).message });
      throw error;
    }
    if (response.status === 429) {
      logger.warn('Slack Web API rate limited', { method, retryAfter: response.headers.get('retry-after') });
    } else if (response.status >= 500) {
      logger.error('Slack Web API server error', { method, status: response.status });
    } else if (response.status === 200) {
      // Read the body once and hand the client a copy: cheaper than cloning the stream on every call.
      const text = await response.text();
      if (/"ok"\s*:\s*false/.test(text)) {
        const error = (() => {
          try {
            return (JSON.parse(text) as { error?: string }).error;
          } catch {
            return undefined;
          }
        })();
        logger.error('Slack Web API error', { method, error: error ?? 'unknown' });
      }
      return new Response(text, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    }
    return response;
  };
}

/** Client options for the app and its Socket Mode connection. */
export function webClientOptions(logger: Logger, slackApiUrl: string | undefined): webApi.WebClientOptions {
  return {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    retryConfig: RETRY_POLICY,
    timeout: REQUEST_TIMEOUT_MS,
    fetch: loggingFetch(logger),
  };
}
