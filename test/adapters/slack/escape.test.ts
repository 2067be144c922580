// mrkdwn escaping and the undoing of Slack's escaping of incoming command text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, unescapeSlackText } from '../../../adapters/slack/escape.js';

describe('escapeMrkdwn', () => {
  it('GIVEN a channel ping, a mention and a link THEN they become plain text', () => {
    expect(escapeMrkdwn('<!channel> <@U123> <https://x.example|click> & co')).toBe('&lt;!channel&gt; &lt;@U123&gt; &lt;https://x.example|click&gt; &amp; co');
  });

  it('GIVEN text that already looks escaped THEN it is escaped again, so it shows as typed', () => {
    expect(escapeMrkdwn('&lt;')).toBe('&amp;lt;');
  });

  it('GIVEN any text THEN the result has no < or >, every & starts an entity, and unescaping gives the text back', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', '&', '!', '@', 'a', ';', 'l', 't', ' ') }), (text) => {
        const escaped = escapeMrkdwn(text);
        expect(escaped).not.toMatch(/[<>]/);
        expect(escaped).not.toMatch(/&(?!amp;|lt;|gt;)/);
        expect(unescapeSlackText(escaped)).toBe(text);
      }),
    );
  });
});
