// The few Block Kit blocks paperbot sends, built so each one is inside Slack's limits whatever
// text goes in: callers pass escaped mrkdwn or raw plain text, the builders cut it to size.
import type { types } from '@slack/bolt';
import type { Action } from '../../src/reply.js';
import { encodeActionId } from '../../src/commands/action-id.js';
import { SLACK_LIMITS, splitMrkdwn, truncate, truncateMrkdwn } from './limits.js';

export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}
export interface Mrkdwn {
  type: 'mrkdwn';
  text: string;
}
export interface ButtonElement {
  type: 'button';
  text: PlainText;
  action_id: string;
  value?: string;
  url?: string;
}
export interface HeaderBlock {
  type: 'header';
  text: PlainText;
}
export interface SectionBlock {
  type: 'section';
  text: Mrkdwn;
  accessory?: ButtonElement;
}
export interface ContextBlock {
  type: 'context';
  elements: Mrkdwn[];
}
export interface DividerBlock {
  type: 'divider';
}
export interface ActionsBlock {
  type: 'actions';
  elements: ButtonElement[];
}

/** The blocks paperbot uses; every one is a Slack `KnownBlock`. */
export type Block = HeaderBlock | SectionBlock | ContextBlock | DividerBlock | ActionsBlock;

// Compile-time proof that what we build is what Bolt's respond() accepts.
export function toKnownBlocks(blocks: Block[]): types.KnownBlock[] {
  return blocks;
}

/** Header: plain text (mentions and links are not parsed there), one line, at most 150 characters. */
export function header(text: string): HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text.replace(/\s+/g, ' ').trim() || '(untitled)', SLACK_LIMITS.headerText), emoji: false } };
}

/** One section of escaped mrkdwn, cut at a word boundary to fit. */
export function section(mrkdwn: string, accessory?: ButtonElement): SectionBlock {
  const text: Mrkdwn = { type: 'mrkdwn', text: truncateMrkdwn(mrkdwn.trim() || '—', SLACK_LIMITS.sectionText) };
  return accessory === undefined ? { type: 'section', text } : { type: 'section', text, accessory };
}

/** Escaped mrkdwn that may be long (a full abstract): as many sections as it takes, nothing cut. */
export function sections(mrkdwn: string): SectionBlock[] {
  return splitMrkdwn(mrkdwn, SLACK_LIMITS.sectionText).map((piece) => section(piece));
}

/** A context line of escaped mrkdwn pieces, at most 10, each cut to fit. */
export function context(pieces: string[]): ContextBlock {
  const kept = pieces.filter((p) => p.trim() !== '').slice(0, SLACK_LIMITS.contextElements);
  return {
    type: 'context',
    elements: (kept.length > 0 ? kept : ['—']).map((p) => ({ type: 'mrkdwn', text: truncateMrkdwn(p, SLACK_LIMITS.sectionText) })),
  };
}

export function divider(): DividerBlock {
  return { type: 'divider' };
}

/** Buttons in a row; Slack refuses duplicate action ids in a block, and more than 25 buttons. */
export function actions(buttons: ButtonElement[]): ActionsBlock | null {
  const unique = buttons.filter((b, i) => buttons.findIndex((o) => o.action_id === b.action_id) === i);
  return unique.length === 0 ? null : { type: 'actions', elements: unique.slice(0, SLACK_LIMITS.actionsElements) };
}

function buttonText(label: string): PlainText {
  return { type: 'plain_text', text: truncate(label.replace(/\s+/g, ' ').trim() || 'Open', SLACK_LIMITS.buttonText), emoji: false };
}

/**
 * A button for a core action. Command buttons carry the command as their action id (see
 * action-id.ts), so a click works later and from anyone; link buttons open their URL.
 * `paperId` names the paper a link belongs to, for a unique action id.
 */
export function button(action: Action, paperId: string): ButtonElement | null {
  if (action.kind === 'link') {
    if (action.url.length > SLACK_LIMITS.buttonUrl || !/^https?:\/\//.test(action.url)) return null;
    return { type: 'button', text: buttonText(action.label), action_id: `pb:${action.id}:${paperId}`.slice(0, SLACK_LIMITS.actionId), url: action.url };
  }
  const id = encodeActionId(action.command);
  if (id === null) return null;
  return { type: 'button', text: buttonText(action.label), action_id: id, value: id };
}
