// `paperbot discord register`: the commands Discord gets are derived from the core's COMMANDS,
// land in a server or globally, and problems come back as one clear line.
import { describe, expect, it } from 'vitest';
import { runDiscordCli, type CliOutput } from '../../../adapters/discord/cli.js';
import { commandBodies } from '../../../adapters/discord/register.js';
import { COMMANDS, type CommandDefinition, type OptionDefinition } from '../../../src/commands/definitions.js';
import { parseConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/logger.js';
import { createFakeDiscord, type FakeDiscord, type JsonObject } from '../../fakes/discord/fake-discord.js';
import { bulkCommandIssues } from '../../fakes/discord/fake-discord-validation.js';
import { fakeConfig, messageOf, startHarness, useDiscordHarness } from './harness.js';

useDiscordHarness();

function capture(): CliOutput & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

async function withFake<T>(run: (fake: FakeDiscord) => Promise<T>, options: Parameters<typeof createFakeDiscord>[0] = {}): Promise<T> {
  const fake = await createFakeDiscord(options);
  try {
    return await run(fake);
  } finally {
    await fake.close();
  }
}

/** What a user sees of a command, from COMMANDS: name, description and each option. */
function expected(): JsonObject[] {
  const option = (o: OptionDefinition) => ({ type: 3, name: o.name, description: o.description, required: o.required, max_length: o.maxLength, ...(o.autocomplete ? { autocomplete: true } : {}) });
  return (COMMANDS as readonly CommandDefinition[]).map((c) => ({
    name: c.name,
    description: c.description,
    // A command with subcommands (/digest) registers each as a type-1 option with its own options.
    options: c.subcommands ? c.subcommands.map((sub) => ({ type: 1, name: sub.name, description: sub.description, options: sub.options.map(option) })) : c.options.map(option),
  }));
}

describe('GIVEN the command definitions', () => {
  it('THEN the registration bodies are derived from COMMANDS and are valid for Discord', () => {
    const bodies = commandBodies();
    expect(bodies).toEqual(expected().map((c) => ({ type: 1, ...c })));
    expect(bulkCommandIssues(JSON.parse(JSON.stringify(bodies)))).toEqual([]);
    for (const body of bodies) {
      expect(body.description.length).toBeLessThanOrEqual(100);
      expect(body.name).toMatch(/^[a-z-]{1,32}$/);
    }
  });
});

describe('GIVEN paperbot discord register against the fake Discord', () => {
  it('WHEN --guild is given THEN the commands are registered in that server and listed', async () => {
    await withFake(async (fake) => {
      const io = capture();
      const code = await runDiscordCli({ args: ['register'], guild: fake.guildId }, fakeConfig(fake), silentLogger, io);
      expect({ code, stderr: io.stderr }).toEqual({ code: 0, stderr: '' });
      expect(fake.globalCommands).toEqual([]);
      expect(fake.guildCommands).toEqual(expected().map((c) => expect.objectContaining(c)));
      expect(io.stdout).toContain(`Registered 8 commands for application ${fake.applicationId} in server ${fake.guildId}`);
      for (const c of COMMANDS) expect(io.stdout).toContain(`/${c.name}`);
      expect(io.stdout).toMatch(/\/paper name +Show a paper card by name or id/);
      const put = fake.requests.find((r) => r.method === 'PUT');
      expect(put?.path).toBe(`/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`);
      expect(put?.headers.authorization).toBe('Bot fake-token');
    });
  });

  it('WHEN no server is given THEN they are registered globally; DISCORD_GUILD_ID picks a server', async () => {
    await withFake(async (fake) => {
      const io = capture();
      expect(await runDiscordCli({ args: ['register'] }, fakeConfig(fake), silentLogger, io)).toBe(0);
      expect(fake.globalCommands.map((c) => c['name'])).toEqual(COMMANDS.map((c) => c.name));
      expect(io.stdout).toContain('globally');

      const byEnv = capture();
      expect(await runDiscordCli({ args: ['register'] }, fakeConfig(fake, { DISCORD_GUILD_ID: fake.guildId }), silentLogger, byEnv)).toBe(0);
      expect(fake.guildCommands).toHaveLength(COMMANDS.length);
    });
  });

  it('THEN interactions for the registered commands carry their ids and are answered', async () => {
    const h = await startHarness();
    const io = capture();
    expect(await runDiscordCli({ args: ['register'], guild: h.fake.guildId }, h.config, silentLogger, io)).toBe(0);
    const command = await h.slash('paper', { name: 'deepseek-v3' });
    expect((command.payload['data'] as JsonObject)['id']).toBe(h.fake.guildCommands.find((c) => c['name'] === 'paper')?.['id']);
    expect(messageOf((await command.callback()).data).embeds).toHaveLength(1);
  });

  it('WHEN the token or app id is missing THEN it says which, in one line, and exits 1', async () => {
    const io = capture();
    expect(await runDiscordCli({ args: ['register'] }, parseConfig({}), silentLogger, io)).toBe(1);
    expect(io.stderr).toBe('paperbot: discord register needs DISCORD_TOKEN (the bot token) and DISCORD_APP_ID (the application id); copy them from the Discord developer portal\n');
    expect(io.stdout).toBe('');
  });

  it('WHEN Discord refuses the token THEN it says so in one line without a stack, and exits 1', async () => {
    await withFake(
      async (fake) => {
        const io = capture();
        expect(await runDiscordCli({ args: ['register'], guild: fake.guildId }, fakeConfig(fake), silentLogger, io)).toBe(1);
        expect(io.stderr).toMatch(/^paperbot: Discord refused the registration \(401, code 0: 401: Unauthorized\); check DISCORD_TOKEN\n$/);
        expect(io.stderr).not.toContain('fake-token');
      },
      { token: 'the-real-token' },
    );
  });

  it('WHEN the application is not ours THEN the refusal names DISCORD_APP_ID', async () => {
    await withFake(async (fake) => {
      const io = capture();
      const config = parseConfig({ DISCORD_TOKEN: 'fake-token', DISCORD_APP_ID: '123456789012345678', DISCORD_API_URL: fake.restUrl });
      expect(await runDiscordCli({ args: ['register'] }, config, silentLogger, io)).toBe(1);
      expect(io.stderr).toMatch(/^paperbot: Discord refused the registration \(403, code 50001: Missing Access\); check DISCORD_APP_ID.*\n$/);
    });
  });

  it('WHEN the subcommand or server id is wrong THEN it prints the usage and exits 2', async () => {
    const config = parseConfig({ DISCORD_TOKEN: 'fake-token', DISCORD_APP_ID: '123456789012345678' });
    const unknown = capture();
    expect(await runDiscordCli({ args: ['unregister'] }, config, silentLogger, unknown)).toBe(2);
    expect(unknown.stderr).toMatch(/unknown discord command "unregister"\nUsage: paperbot discord register/);
    const none = capture();
    expect(await runDiscordCli({ args: [] }, config, silentLogger, none)).toBe(2);
    const badGuild = capture();
    expect(await runDiscordCli({ args: ['register'], guild: 'my-server' }, config, silentLogger, badGuild)).toBe(2);
    expect(badGuild.stderr).toMatch(/--guild must be a numeric server id/);
  });
});
