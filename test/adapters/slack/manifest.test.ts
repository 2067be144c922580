// The app manifest creates the app the adapter expects: the commands the listeners register
// (checked against the command definitions), the scopes they need, Socket Mode and buttons.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { slackCommandName } from '../../../adapters/slack/listeners/commands/slash-command.js';
import { SLACK_LIMITS } from '../../../adapters/slack/limits.js';
import { COMMANDS, COMMAND_NAMES } from '../../../src/commands/definitions.js';

interface Manifest {
  display_information: { name: string; description: string; long_description?: string };
  features: {
    bot_user: { display_name: string };
    unfurl_domains: string[];
    slash_commands: Array<{ command: string; description: string; usage_hint?: string; should_escape: boolean }>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: { interactivity: { is_enabled: boolean }; socket_mode_enabled: boolean; event_subscriptions: { bot_events: string[] } };
}

const manifest = parse(readFileSync(new URL('../../../adapters/slack/manifest.yml', import.meta.url), 'utf8')) as Manifest;

describe('adapters/slack/manifest.yml', () => {
  it('GIVEN the command definitions THEN the manifest has exactly their prefix-less names, as the adapter registers them without a prefix', () => {
    const names = manifest.features.slash_commands.map((c) => c.command);
    expect(names).toEqual(COMMAND_NAMES.map((name) => `/${name}`));
    expect(names).toEqual(COMMAND_NAMES.map((name) => slackCommandName(name, '')));
  });

  it('GIVEN each definition THEN its description and usage hint match, and Slack passes the text unescaped', () => {
    for (const definition of COMMANDS) {
      const entry = manifest.features.slash_commands.find((c) => c.command === `/${definition.name}`);
      expect(entry?.description).toBe(definition.description);
      const hint = definition.usage.replace(`/${definition.name}`, '').trim();
      expect(entry?.usage_hint ?? '').toBe(hint);
      expect(entry?.should_escape).toBe(false);
    }
  });

  it('GIVEN the longest allowed prefix THEN every command name still fits Slack\'s 32 characters', () => {
    for (const name of COMMAND_NAMES) expect(slackCommandName(name, 'abcdefghij').length).toBeLessThanOrEqual(SLACK_LIMITS.slashCommandName);
  });

  it('GIVEN what the adapter uses THEN Socket Mode, interactivity for the buttons, the commands scope, chat:write for digests, app_mention and message events, and unfurls are on', () => {
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.oauth_config.scopes.bot).toEqual(['commands', 'chat:write', 'app_mentions:read', 'channels:history', 'links:read', 'links:write']);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_mention', 'message.channels', 'link_shared']);
    expect(manifest.features.unfurl_domains).toEqual(['github.com', 'arxiv.org']);
    expect(manifest.features.bot_user.display_name).toBe('paperbot');
  });

  it('GIVEN Slack\'s manifest limits THEN the texts fit (description 140, long description 175 to 4,000)', () => {
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
    const long = manifest.display_information.long_description ?? '';
    expect(long.length).toBeGreaterThanOrEqual(175);
    expect(long.length).toBeLessThanOrEqual(4000);
  });
});
