// What every Slack listener needs: the core, a logger, the command prefix and the memory of
// deliveries already answered.
import type { Paperbot } from '../../../src/app.js';
import type { Logger } from '../../../src/logger.js';
import type { SeenDeliveries } from '../dedupe.js';

export interface ListenerDeps {
  readonly bot: Paperbot;
  readonly logger: Logger;
  /** SLACK_COMMAND_PREFIX, '' when unset: `/pb-paper` instead of `/paper`. */
  readonly commandPrefix: string;
  readonly seen: SeenDeliveries;
  /** SLACK_DIGEST_ADMINS: who may change a channel's digest; undefined lets any member. */
  readonly digestAdmins?: readonly string[] | undefined;
}
