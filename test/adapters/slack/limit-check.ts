// Lists every way a rendered message would break Slack's limits (empty when Slack accepts it), so
// example tests and the property test check the same rules.
import type { SlackMessage } from '../../../adapters/slack/blocks.js';
import type { ButtonElement } from '../../../adapters/slack/block-kit.js';
import { SLACK_LIMITS as L } from '../../../adapters/slack/limits.js';

function checkButton(b: ButtonElement, where: string, problems: string[]): void {
  if (b.text.text.length === 0 || b.text.text.length > L.buttonText) problems.push(`${where}: button text ${b.text.text.length}`);
  if (b.action_id.length > L.actionId) problems.push(`${where}: action_id ${b.action_id.length}`);
  if ((b.value?.length ?? 0) > L.buttonValue) problems.push(`${where}: value ${b.value?.length}`);
  if ((b.url?.length ?? 0) > L.buttonUrl) problems.push(`${where}: url ${b.url?.length}`);
}

export function limitProblems(message: SlackMessage): string[] {
  const problems: string[] = [];
  if (message.blocks.length > L.blocksPerMessage) problems.push(`${message.blocks.length} blocks`);
  if (message.text.length === 0 || message.text.length > L.fallbackText) problems.push(`fallback text ${message.text.length}`);
  message.blocks.forEach((block, i) => {
    const where = `block ${i} (${block.type})`;
    switch (block.type) {
      case 'header':
        if (block.text.text.length === 0 || block.text.text.length > L.headerText) problems.push(`${where}: ${block.text.text.length} chars`);
        break;
      case 'section':
        if (block.text.text.trim().length === 0 || block.text.text.length > L.sectionText) problems.push(`${where}: ${block.text.text.length} chars`);
        if (block.accessory) checkButton(block.accessory, where, problems);
        break;
      case 'context':
        if (block.elements.length === 0 || block.elements.length > L.contextElements) problems.push(`${where}: ${block.elements.length} elements`);
        for (const e of block.elements) if (e.text.trim().length === 0 || e.text.length > L.sectionText) problems.push(`${where}: element ${e.text.length} chars`);
        break;
      case 'actions': {
        if (block.elements.length === 0 || block.elements.length > L.actionsElements) problems.push(`${where}: ${block.elements.length} buttons`);
        const ids = new Set<string>();
        for (const b of block.elements) {
          if (ids.has(b.action_id)) problems.push(`${where}: duplicate action_id ${b.action_id}`);
          ids.add(b.action_id);
          checkButton(b, where, problems);
        }
        break;
      }
      case 'divider':
        if (i === 0 || i === message.blocks.length - 1) problems.push(`${where}: divider at an end`);
        break;
    }
  });
  return problems;
}

/** mrkdwn strings of a message (fallback, sections, context): where escaping matters. */
export function mrkdwnOf(message: SlackMessage): string[] {
  return [
    message.text,
    ...message.blocks.flatMap((b) => (b.type === 'section' ? [b.text.text] : b.type === 'context' ? b.elements.map((e) => e.text) : [])),
  ];
}
