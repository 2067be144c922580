// The fake Discord and fake Slack a served bot talks to, the fake secrets it is given, and the
// environment `paperbot start` gets in the process tests.
import { createFakeDiscord, type FakeDiscord } from '../fakes/discord/fake-discord.js';
import { createFakeSlack, type FakeSlack } from '../fakes/slack/fake-slack.js';
import { createHeldResponses, type HeldResponses } from './held-responses.js';
import { tempDir } from './temp-state.js';

/** Distinctive fake values, so a search of the logs for them cannot match anything by chance. */
export const SECRETS = {
  DISCORD_TOKEN: 'discord-fake-token.MTIzNDU2Nzg5MDEy.secret',
  SLACK_BOT_TOKEN: 'xoxb-fake-bot-7f3a9c21e0d4',
  SLACK_APP_TOKEN: 'xapp-fake-app-4d8e2b61c9f7',
  SLACK_SIGNING_SECRET: 'fake-signing-secret-5b1e93aa',
  LOG_HASH_KEY: 'fake-log-hash-key-0123456789abcdef',
} as const;

export interface ServingFakes {
  discord: FakeDiscord;
  slack: FakeSlack;
  held: HeldResponses;
  /** A state file of the bot's own, so runs never share the project's ./state. */
  stateFile: string;
  close(): Promise<void>;
}

export async function createServingFakes(): Promise<ServingFakes> {
  // The fake Discord accepts only this token, so the bot provably used it.
  const discord = await createFakeDiscord({ token: SECRETS.DISCORD_TOKEN, interactionTimeoutMs: 60_000, waitTimeoutMs: 20_000 });
  const slack = await createFakeSlack({ defaultTimeoutMs: 20_000 });
  const held = await createHeldResponses();
  const state = tempDir('paperbot-serve-');
  return {
    discord,
    slack,
    held,
    stateFile: state.file('paperbot.db'),
    async close() {
      state.remove();
      await held.close();
      await slack.close();
      await discord.close();
    },
  };
}

/** Both platforms (Slack in Socket Mode), the health server on a free loopback port, JSON logs. */
export function botEnv({ discord, slack, stateFile }: Pick<ServingFakes, 'discord' | 'slack' | 'stateFile'>, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...SECRETS,
    DISCORD_APP_ID: discord.applicationId,
    DISCORD_API_URL: discord.restUrl,
    SLACK_API_URL: slack.apiUrl,
    PAPERBOT_STATE: stateFile,
    HEALTH_PORT: '0',
    HEALTH_HOST: '127.0.0.1',
    PAPERBOT_NOW: '2026-11-22',
    LOG_LEVEL: 'info',
    ...extra,
  };
}
