// Starts the chat adapters the configuration asks for: Discord when DISCORD_TOKEN is set, Slack
// when its tokens are set, both when both are. Adapters are loaded only when configured, so the
// core never imports a chat platform library.
import type { Paperbot } from '../app.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';

/** What every adapter's entry (`adapters/<platform>/index.ts`) exports as `start`. */
export interface RunningAdapter {
  platform: string;
  /** Connected and able to receive commands now (for /readyz); false while reconnecting or stopped. */
  isReady(): boolean;
  stop(): Promise<void>;
}

export type StartAdapter = (bot: Paperbot, config: Config, logger: Logger) => Promise<RunningAdapter>;

// Static import paths (resolved lazily) so bundlers and test runners can follow them.
const LOADERS: Record<string, () => Promise<{ start: StartAdapter }>> = {
  discord: () => import('../../adapters/discord/index.js'),
  slack: () => import('../../adapters/slack/index.js'),
};

export function configuredPlatforms(config: Config): string[] {
  const platforms: string[] = [];
  if (config.DISCORD_TOKEN) platforms.push('discord');
  if (config.SLACK_BOT_TOKEN) platforms.push('slack');
  return platforms;
}

export async function startAdapters(bot: Paperbot, config: Config, logger: Logger): Promise<RunningAdapter[]> {
  const running: RunningAdapter[] = [];
  try {
    for (const platform of configuredPlatforms(config)) {
      running.push(await (await LOADERS[platform]!()).start(bot, config, logger));
    }
  } catch (err) {
    await Promise.allSettled(running.map((a) => a.stop()));
    throw err;
  }
  return running;
}
