// Plays Slack's side of HTTP mode in tests: signs requests (v0 HMAC-SHA256) and POSTs slash commands /
// events to a Bolt HTTPReceiver or ExpressReceiver listening on loopback. Refuses non-loopback URLs.

import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';

export interface SlackSignatureHeaders {
  'x-slack-signature': string;
  'x-slack-request-timestamp': string;
}

/** Slack's request signature: `v0=` + hex HMAC-SHA256(signingSecret, `v0:${timestamp}:${rawBody}`). */
export function signSlackRequest(
  signingSecret: string,
  rawBody: string,
  timestamp: number = Math.floor(Date.now() / 1000),
): SlackSignatureHeaders {
  const hash = createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex');
  return { 'x-slack-signature': `v0=${hash}`, 'x-slack-request-timestamp': String(timestamp) };
}

export interface SignedPostOptions {
  readonly signingSecret: string;
  /** Unix seconds for x-slack-request-timestamp (signed correctly); default now. Use now-301 for "stale". */
  readonly timestamp?: number;
  /** Sign with the wrong secret. */
  readonly badSignature?: boolean;
  /** Send no x-slack-signature header at all. */
  readonly omitSignature?: boolean;
  /** Adds x-slack-retry-num (as Slack does when redelivering after a timeout). */
  readonly retryNum?: number;
  /** x-slack-retry-reason; default 'http_timeout' when retryNum is set. */
  readonly retryReason?: string;
  /** Request timeout in ms; default 10000. */
  readonly timeoutMs?: number;
}

export interface SlackHttpResult {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** Raw response body ('' for Bolt's bare ack()). */
  readonly body: string;
  /** The body parsed as JSON when it is JSON, else undefined. */
  readonly json: unknown;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** POSTs `rawBody` with Slack's signature headers to a loopback URL. */
export function postSignedRequest(
  url: string,
  rawBody: string,
  contentType: string,
  options: SignedPostOptions,
): Promise<SlackHttpResult> {
  const target = new URL(url);
  if (target.protocol !== 'http:' || !LOOPBACK_HOSTS.has(target.hostname)) {
    return Promise.reject(new Error(`slack-http-client: refusing non-loopback URL ${url}`));
  }
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const secret = options.badSignature === true ? `${options.signingSecret}-wrong` : options.signingSecret;
  const signed = signSlackRequest(secret, rawBody, timestamp);
  const headers: Record<string, string> = {
    'content-type': contentType,
    'content-length': String(Buffer.byteLength(rawBody)),
    'x-slack-request-timestamp': signed['x-slack-request-timestamp'],
  };
  if (options.omitSignature !== true) headers['x-slack-signature'] = signed['x-slack-signature'];
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = options.retryReason ?? 'http_timeout';
  }
  return new Promise((resolve, reject) => {
    const req = request(target, { method: 'POST', headers, agent: false, timeout: options.timeoutMs ?? 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = body === '' ? undefined : (JSON.parse(body) as unknown);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`slack-http-client: request to ${url} timed out`)));
    req.on('error', reject);
    req.end(rawBody);
  });
}

/** Default slash-command fields (override any via `fields`); trigger_id is fresh per call. No response_url unless you pass one. */
const SLASH_DEFAULTS: Readonly<Record<string, string>> = {
  token: 'fake-verification-token',
  team_id: 'T0001',
  team_domain: 'fake-team',
  channel_id: 'C0001',
  channel_name: 'general',
  user_id: 'U0001',
  user_name: 'user-u0001',
  command: '/paper',
  text: '',
  api_app_id: 'A1',
  is_enterprise_install: 'false',
};

// Slack issues a fresh trigger_id for every invocation; a constant one would make two different
// commands look like a retry to any handler that dedupes on it. Pass `fields.trigger_id` to replay one.
let triggerCounter = 0;
function freshTriggerId(): string {
  triggerCounter += 1;
  return `1000000000.${triggerCounter}.fake`;
}

/** Sends a form-encoded slash command, signed like Slack does. */
export function postSlashCommand(
  url: string,
  options: SignedPostOptions & { readonly fields?: Readonly<Record<string, string>> },
): Promise<SlackHttpResult> {
  const body = new URLSearchParams({ ...SLASH_DEFAULTS, trigger_id: freshTriggerId(), ...options.fields }).toString();
  return postSignedRequest(url, body, 'application/x-www-form-urlencoded', options);
}

/** Sends a JSON Events API body (e.g. an `event_callback`), signed like Slack does. */
export function postEvent(
  url: string,
  options: SignedPostOptions & { readonly payload: Record<string, unknown> },
): Promise<SlackHttpResult> {
  return postSignedRequest(url, JSON.stringify(options.payload), 'application/json', options);
}
