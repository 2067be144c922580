// Clicks on link buttons ("Code"): the browser opens the URL, and Slack still sends the click,
// which must be acknowledged or Slack marks the button as failed.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';

export const LINK_BUTTON = /^pb:code:/;

export function register(app: App): void {
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: LINK_BUTTON }, async ({ ack }) => {
    await ack();
  });
}
