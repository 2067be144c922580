// Creates the Bolt App and its receiver: Socket Mode when there is an app-level token (no public
// URL needed), otherwise HTTP mode verifying Slack's request signatures.
import { App, HTTPReceiver, LogLevel, SocketModeReceiver } from '@slack/bolt';
import type { Receiver } from '@slack/bolt';
import type { Logger } from '../../src/logger.js';
import { createBoltLogger } from './bolt-logger.js';

export type SlackMode = 'socket' | 'http';

export interface SlackAppSettings {
  readonly botToken: string;
  /** xapp- token: Socket Mode. */
  readonly appToken?: string | undefined;
  /** Used in HTTP mode, i.e. when there is no app token. */
  readonly signingSecret?: string | undefined;
  /** Web API base, e.g. for Slack's government cloud; both the bot's calls and Socket Mode's apps.connections.open use it. */
  readonly apiUrl?: string | undefined;
  readonly logger: Logger;
  /** Bolt's own log level; its debug output is redacted but verbose. */
  readonly logLevel?: LogLevel;
  /**
   * Socket Mode: ms to wait for a pong, which is also the delay before reconnecting after Slack
   * asks the client to (`disconnect`). Bolt's default is 5000; tests use less.
   */
  readonly clientPingTimeoutMs?: number | undefined;
}

export interface SlackApp {
  readonly app: App;
  readonly mode: SlackMode;
  /** Socket Mode: Slack's hello arrived on the current socket (false while reconnecting). Always false in HTTP mode. */
  socketConnected(): boolean;
}

export function slackMode(settings: Pick<SlackAppSettings, 'appToken'>): SlackMode {
  return settings.appToken ? 'socket' : 'http';
}

export function createSlackApp(settings: SlackAppSettings): SlackApp {
  const mode = slackMode(settings);
  const level = settings.logLevel ?? LogLevel.INFO;
  const secrets = [settings.botToken, settings.appToken ?? '', settings.signingSecret ?? ''];
  const boltLogger = createBoltLogger(settings.logger, level, secrets);
  // Only slackApiUrl: extra headers would break Socket Mode's own WebClient.
  const clientOptions = settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {};

  let receiver: Receiver;
  let connected = false;
  if (mode === 'socket') {
    // Built here rather than by App so clientPingTimeout can be set; App would copy clientOptions
    // into installerOptions the same way.
    const socketReceiver = new SocketModeReceiver({
      appToken: settings.appToken ?? '',
      logger: boltLogger,
      logLevel: level,
      ...(settings.clientPingTimeoutMs === undefined ? {} : { clientPingTimeout: settings.clientPingTimeoutMs }),
      installerOptions: { clientOptions },
      // The envelope id is the same on every redelivery; listeners find it in context.
      customPropertiesExtractor: (args: { envelope_id?: unknown }) => ({ envelopeId: args.envelope_id }),
    });
    // For readiness: 'connected' is Slack's hello; the socket closing (then waiting to reconnect)
    // and every other state change mean not connected.
    socketReceiver.client.on('connected', () => (connected = true));
    for (const state of ['close', 'connecting', 'reconnecting', 'disconnecting', 'disconnected']) socketReceiver.client.on(state, () => (connected = false));
    receiver = socketReceiver;
  } else {
    if (!settings.signingSecret) throw new Error('slack: HTTP mode needs SLACK_SIGNING_SECRET (or set SLACK_APP_TOKEN for Socket Mode)');
    receiver = new HTTPReceiver({
      signingSecret: settings.signingSecret,
      logger: boltLogger,
      logLevel: level,
      // Answer Slack as soon as a listener acks; the reply goes to response_url afterwards.
      processBeforeResponse: false,
    });
  }

  const app = new App({
    token: settings.botToken,
    receiver,
    logger: boltLogger,
    logLevel: level,
    clientOptions,
    // auth.test runs in init(), awaited by start(), so a bad token fails the start with a clear
    // message instead of an unhandled rejection later.
    deferInitialization: true,
  });
  return { app, mode, socketConnected: () => connected };
}
