// Canned Slack Web API answers for the fake Slack: plausible `ok:true` bodies for the methods
// paperbot uses, `unknown_method` for the rest, and request-body parsing like Slack's own.

/** Who the fake workspace and bot are, plus id/ts generators shared with the fake server. */
export interface ReplyContext {
  readonly botUserId: string;
  readonly botId: string;
  readonly teamId: string;
  readonly teamDomain: string;
  readonly appId: string;
  /** Opens a Socket Mode ticket and returns its ws:// URL (for apps.connections.open). */
  readonly openSocketUrl: () => string;
  /** A fresh, increasing message timestamp like '1700000000.000001'. */
  readonly nextTs: () => string;
  /** A fresh id like 'V00000003' for the given prefix. */
  readonly nextId: (prefix: string) => string;
}

/** Web API argument fields that WebClient sends as JSON strings inside a form body. */
const JSON_STRING_FIELDS = ['blocks', 'attachments', 'unfurls', 'view', 'metadata', 'user_auth_blocks'] as const;

/**
 * Parses a Web API request body the way Slack does: form-encoded (WebClient's default, with
 * `blocks`/`attachments`/... JSON-encoded as strings, which we decode) or JSON. Query-string
 * arguments are merged in underneath. Multipart uploads are recorded as `{ _multipart: true }`.
 */
export function parseApiArgs(
  rawBody: string,
  contentType: string | undefined,
  query: URLSearchParams,
): Record<string, unknown> {
  const args: Record<string, unknown> = Object.fromEntries(query);
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('application/json')) {
    if (rawBody.trim() !== '') {
      const parsed: unknown = JSON.parse(rawBody);
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
        Object.assign(args, parsed);
      }
    }
  } else if (type.includes('multipart/form-data')) {
    args['_multipart'] = true;
  } else if (rawBody !== '') {
    Object.assign(args, Object.fromEntries(new URLSearchParams(rawBody)));
  }
  for (const field of JSON_STRING_FIELDS) {
    const value = args[field];
    if (typeof value === 'string' && /^\s*[[{]/.test(value)) {
      try {
        args[field] = JSON.parse(value) as unknown;
      } catch {
        // leave a malformed value as the string it was, so tests can see it
      }
    }
  }
  return args;
}

function str(value: unknown, fallback: string): string {
  return typeof value === 'string' && value !== '' ? value : fallback;
}

/** A bot-authored message object as chat.postMessage / chat.update return it. */
function botMessage(args: Record<string, unknown>, ts: string, ctx: ReplyContext): Record<string, unknown> {
  const message: Record<string, unknown> = {
    type: 'message',
    subtype: 'bot_message',
    text: typeof args['text'] === 'string' ? args['text'] : '',
    user: ctx.botUserId,
    bot_id: ctx.botId,
    app_id: ctx.appId,
    team: ctx.teamId,
    ts,
  };
  for (const key of ['blocks', 'attachments', 'thread_ts', 'metadata'] as const) {
    if (args[key] !== undefined) message[key] = args[key];
  }
  return message;
}

/**
 * The fake's built-in answer for a Web API method. `token` is the bearer token (or body token).
 * Returns `{ ok:false, error:'unknown_method' }` for methods it does not know.
 */
export function defaultReply(
  method: string,
  args: Record<string, unknown>,
  token: string | undefined,
  ctx: ReplyContext,
): Record<string, unknown> {
  if (token === undefined || token === '') return { ok: false, error: 'not_authed' };
  switch (method) {
    case 'auth.test':
      return {
        ok: true,
        url: `https://${ctx.teamDomain}.slack.com/`,
        team: 'Fake Team',
        user: 'paperbot',
        team_id: ctx.teamId,
        user_id: ctx.botUserId,
        bot_id: ctx.botId,
        is_enterprise_install: false,
      };
    case 'apps.connections.open':
      // Real Slack says `not_allowed_token_type` for a bot token; that error is "recoverable" for
      // SocketModeClient (it would retry ~forever), so the fake answers `invalid_auth` to fail fast.
      if (!token.startsWith('xapp-')) return { ok: false, error: 'invalid_auth' };
      return { ok: true, url: ctx.openSocketUrl() };
    case 'chat.postMessage': {
      if (typeof args['channel'] !== 'string' || args['channel'] === '') {
        return { ok: false, error: 'channel_not_found' };
      }
      const ts = ctx.nextTs();
      return { ok: true, channel: args['channel'], ts, message: botMessage(args, ts, ctx) };
    }
    case 'chat.postEphemeral':
      if (typeof args['channel'] !== 'string' || typeof args['user'] !== 'string') {
        return { ok: false, error: 'channel_not_found' };
      }
      return { ok: true, message_ts: ctx.nextTs() };
    case 'chat.update': {
      if (typeof args['channel'] !== 'string' || typeof args['ts'] !== 'string') {
        return { ok: false, error: 'message_not_found' };
      }
      const ts = args['ts'];
      return {
        ok: true,
        channel: args['channel'],
        ts,
        text: typeof args['text'] === 'string' ? args['text'] : '',
        message: botMessage(args, ts, ctx),
      };
    }
    case 'chat.unfurl':
      return { ok: true };
    case 'conversations.info': {
      const id = str(args['channel'], 'C0001');
      return {
        ok: true,
        channel: {
          id,
          name: id.startsWith('D') ? undefined : `channel-${id.toLowerCase()}`,
          is_channel: id.startsWith('C'),
          is_group: id.startsWith('G'),
          is_im: id.startsWith('D'),
          is_private: !id.startsWith('C'),
          is_member: true,
          is_archived: false,
          context_team_id: ctx.teamId,
        },
      };
    }
    case 'users.info': {
      const id = str(args['user'], 'U0001');
      const name = `user-${id.toLowerCase()}`;
      return {
        ok: true,
        user: {
          id,
          team_id: ctx.teamId,
          name,
          real_name: `User ${id}`,
          is_bot: id === ctx.botUserId,
          deleted: false,
          tz: 'UTC',
          tz_offset: 0,
          profile: { display_name: name, real_name: `User ${id}` },
        },
      };
    }
    case 'views.open': {
      const view = args['view'] !== null && typeof args['view'] === 'object' ? args['view'] : {};
      return {
        ok: true,
        view: { ...view, id: ctx.nextId('V'), team_id: ctx.teamId, app_id: ctx.appId, bot_id: ctx.botId },
      };
    }
    default:
      return { ok: false, error: 'unknown_method' };
  }
}
