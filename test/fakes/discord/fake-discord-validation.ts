// Request-body checks mirroring Discord's documented limits (messages, embeds, components, autocomplete choices,
// modals, application commands) so the fake rejects with 400 / 50035 what real Discord would reject.

import { isJsonObject, type JsonObject } from './fake-discord-payloads.js';

export interface ValidationIssue {
  path: Array<string | number>;
  code: string;
  message: string;
}

export interface DiscordErrorBody {
  code: number;
  message: string;
  errors?: JsonObject;
}

/** Discord's "Invalid Form Body" error with errors nested by field path, as the real API formats it. */
export function invalidFormBody(issues: ValidationIssue[]): DiscordErrorBody {
  const errors: JsonObject = {};
  for (const issue of issues) {
    let node = errors;
    for (const key of issue.path) {
      const name = String(key);
      const next = node[name];
      if (isJsonObject(next)) {
        node = next;
      } else {
        const created: JsonObject = {};
        node[name] = created;
        node = created;
      }
    }
    const existing = node['_errors'];
    const list: unknown[] = Array.isArray(existing) ? existing : [];
    list.push({ code: issue.code, message: issue.message });
    node['_errors'] = list;
  }
  return { code: 50035, message: 'Invalid Form Body', errors };
}

type Path = Array<string | number>;

class IssueList {
  readonly issues: ValidationIssue[] = [];

  add(path: Path, code: string, message: string): void {
    this.issues.push({ path, code, message });
  }

  /** Checks an optional string's length (in UTF-16 code units, close enough to Discord's character count). */
  text(value: unknown, path: Path, max: number, options: { required?: boolean; min?: number } = {}): void {
    if (value === undefined || value === null) {
      if (options.required) this.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
      return;
    }
    if (typeof value !== 'string') {
      this.add(path, 'BASE_TYPE_STRING', 'Must be a string.');
      return;
    }
    const min = options.min ?? (options.required ? 1 : 0);
    const length = [...value].length;
    if (length < min || length > max) {
      this.add(
        path,
        min > 0 ? 'BASE_TYPE_BAD_LENGTH' : 'BASE_TYPE_MAX_LENGTH',
        min > 0 ? `Must be between ${min} and ${max} in length.` : `Must be ${max} or fewer in length.`,
      );
    }
  }

  url(value: unknown, path: Path, options: { allowAttachment?: boolean } = {}): void {
    if (value === undefined || value === null) return;
    if (typeof value !== 'string') {
      this.add(path, 'URL_TYPE_INVALID_URL', 'Not a well formed URL.');
      return;
    }
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      this.add(path, 'URL_TYPE_INVALID_URL', 'Not a well formed URL.');
      return;
    }
    const allowed = options.allowAttachment ? ['http:', 'https:', 'attachment:'] : ['http:', 'https:'];
    if (!allowed.includes(parsed.protocol)) {
      this.add(
        path,
        'URL_TYPE_INVALID_SCHEME',
        `Scheme "${parsed.protocol.replace(/:$/, '')}" is not supported. Scheme must be one of ('http', 'https').`,
      );
    }
  }

  array(value: unknown, path: Path, max: number, min = 0): unknown[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) {
      this.add(path, 'BASE_TYPE_ARRAY', 'Must be an array.');
      return undefined;
    }
    if (value.length > max) this.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
    if (value.length < min) this.add(path, 'BASE_TYPE_MIN_LENGTH', `Must be ${min} or more in length.`);
    return value;
  }
}

const IS_COMPONENTS_V2 = 1 << 15;

function embedLength(embed: JsonObject): number {
  const len = (value: unknown): number => (typeof value === 'string' ? [...value].length : 0);
  let total = len(embed['title']) + len(embed['description']);
  const footer = embed['footer'];
  if (isJsonObject(footer)) total += len(footer['text']);
  const author = embed['author'];
  if (isJsonObject(author)) total += len(author['name']);
  const fields = embed['fields'];
  if (Array.isArray(fields)) {
    for (const field of fields) if (isJsonObject(field)) total += len(field['name']) + len(field['value']);
  }
  return total;
}

function checkEmbeds(list: IssueList, embeds: unknown): void {
  const items = list.array(embeds, ['embeds'], 10);
  if (!items) return;
  let total = 0;
  items.forEach((embed, index) => {
    const at = (...rest: Path): Path => ['embeds', index, ...rest];
    if (!isJsonObject(embed)) {
      list.add(at(), 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
      return;
    }
    total += embedLength(embed);
    list.text(embed['title'], at('title'), 256);
    list.text(embed['description'], at('description'), 4096);
    list.url(embed['url'], at('url'));
    const color = embed['color'];
    if (color !== undefined && color !== null && (typeof color !== 'number' || color < 0 || color > 0xffffff)) {
      list.add(at('color'), 'NUMBER_TYPE_MAX', 'int value should be less than or equal to 16777215.');
    }
    const footer = embed['footer'];
    if (isJsonObject(footer)) {
      list.text(footer['text'], at('footer', 'text'), 2048, { required: true });
      list.url(footer['icon_url'], at('footer', 'icon_url'), { allowAttachment: true });
    }
    const author = embed['author'];
    if (isJsonObject(author)) {
      list.text(author['name'], at('author', 'name'), 256, { required: true });
      list.url(author['url'], at('author', 'url'));
      list.url(author['icon_url'], at('author', 'icon_url'), { allowAttachment: true });
    }
    for (const key of ['image', 'thumbnail'] as const) {
      const media = embed[key];
      if (isJsonObject(media)) list.url(media['url'], at(key, 'url'), { allowAttachment: true });
    }
    const fields = list.array(embed['fields'], at('fields'), 25);
    fields?.forEach((field, fieldIndex) => {
      if (!isJsonObject(field)) return;
      list.text(field['name'], at('fields', fieldIndex, 'name'), 256, { required: true });
      list.text(field['value'], at('fields', fieldIndex, 'value'), 1024, { required: true });
    });
  });
  if (total > 6000) list.add(['embeds'], 'MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000');
}

function checkActionRowComponent(list: IssueList, component: unknown, path: Path, customIds: Set<string>): void {
  if (!isJsonObject(component)) return;
  const type = component['type'];
  const customId = component['custom_id'];
  if (typeof customId === 'string') {
    if (customIds.has(customId)) {
      list.add([...path, 'custom_id'], 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated');
    }
    customIds.add(customId);
  }
  if (type === 2) {
    const style = component['style'];
    if (style === 5) {
      list.url(component['url'], [...path, 'url']);
      if (component['url'] === undefined) list.add([...path, 'url'], 'BASE_TYPE_REQUIRED', 'This field is required');
    } else if (style !== 6) {
      list.text(customId, [...path, 'custom_id'], 100, { required: true });
    }
    list.text(component['label'], [...path, 'label'], 80);
    return;
  }
  if (type === 3 || type === 5 || type === 6 || type === 7 || type === 8) {
    list.text(customId, [...path, 'custom_id'], 100, { required: true });
    list.text(component['placeholder'], [...path, 'placeholder'], 150);
    if (type === 3) {
      const options = list.array(component['options'], [...path, 'options'], 25, 1);
      if (component['options'] === undefined) {
        list.add([...path, 'options'], 'BASE_TYPE_REQUIRED', 'This field is required');
      }
      options?.forEach((option, index) => {
        if (!isJsonObject(option)) return;
        list.text(option['label'], [...path, 'options', index, 'label'], 100, { required: true });
        list.text(option['value'], [...path, 'options', index, 'value'], 100, { required: true });
        list.text(option['description'], [...path, 'options', index, 'description'], 100);
      });
    }
  }
}

function checkComponents(list: IssueList, components: unknown, flags: number): void {
  if (flags & IS_COMPONENTS_V2) {
    list.array(components, ['components'], 40);
    return;
  }
  const rows = list.array(components, ['components'], 5);
  const customIds = new Set<string>();
  rows?.forEach((row, rowIndex) => {
    if (!isJsonObject(row)) return;
    if (row['type'] !== 1) {
      list.add(['components', rowIndex, 'type'], 'UNION_TYPE_CHOICES', 'Top-level components must be action rows.');
      return;
    }
    const inner = list.array(row['components'], ['components', rowIndex, 'components'], 5, 1) ?? [];
    const hasSelect = inner.some((c) => isJsonObject(c) && c['type'] !== 2);
    if (hasSelect && inner.length > 1) {
      list.add(
        ['components', rowIndex, 'components'],
        'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
        'The specified component exceeds the maximum width',
      );
    }
    inner.forEach((component, index) =>
      checkActionRowComponent(list, component, ['components', rowIndex, 'components', index], customIds),
    );
  });
}

/** Field-level problems in a message create/edit body (content, embeds, components). */
export function messageIssues(body: JsonObject): ValidationIssue[] {
  const list = new IssueList();
  list.text(body['content'], ['content'], 2000);
  checkEmbeds(list, body['embeds']);
  const flags = typeof body['flags'] === 'number' ? body['flags'] : 0;
  if (flags & IS_COMPONENTS_V2) {
    const content = body['content'];
    if (typeof content === 'string' && content.length > 0) {
      list.add(['content'], 'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2', 'The "content" field cannot be used when using MessageFlags.IS_COMPONENTS_V2');
    }
  }
  checkComponents(list, body['components'], flags);
  return list.issues;
}

/** True when a (merged) message would show nothing: Discord answers 50006 "Cannot send an empty message". */
export function isEmptyMessage(message: JsonObject, fileCount: number): boolean {
  const content = message['content'];
  const nonEmpty = (value: unknown): boolean => Array.isArray(value) && value.length > 0;
  return (
    !(typeof content === 'string' && content.trim().length > 0) &&
    !nonEmpty(message['embeds']) &&
    !nonEmpty(message['components']) &&
    !nonEmpty(message['attachments']) &&
    !nonEmpty(message['sticker_ids']) &&
    message['poll'] === undefined &&
    fileCount === 0
  );
}

/** Problems in an autocomplete result (callback type 8) `data`. */
export function autocompleteIssues(data: unknown): ValidationIssue[] {
  const list = new IssueList();
  if (!isJsonObject(data)) {
    list.add(['data'], 'BASE_TYPE_REQUIRED', 'This field is required');
    return list.issues;
  }
  const choices = list.array(data['choices'], ['data', 'choices'], 25);
  if (data['choices'] === undefined) list.add(['data', 'choices'], 'BASE_TYPE_REQUIRED', 'This field is required');
  choices?.forEach((choice, index) => {
    if (!isJsonObject(choice)) return;
    list.text(choice['name'], ['data', 'choices', index, 'name'], 100, { required: true });
    const value = choice['value'];
    if (typeof value === 'string') list.text(value, ['data', 'choices', index, 'value'], 100);
    else if (typeof value !== 'number') {
      list.add(['data', 'choices', index, 'value'], 'BASE_TYPE_REQUIRED', 'This field is required');
    }
  });
  return list.issues;
}

/** Problems in a modal (callback type 9) `data`. */
export function modalIssues(data: unknown): ValidationIssue[] {
  const list = new IssueList();
  if (!isJsonObject(data)) {
    list.add(['data'], 'BASE_TYPE_REQUIRED', 'This field is required');
    return list.issues;
  }
  list.text(data['custom_id'], ['data', 'custom_id'], 100, { required: true });
  list.text(data['title'], ['data', 'title'], 45, { required: true });
  list.array(data['components'], ['data', 'components'], 5, 1);
  if (data['components'] === undefined) list.add(['data', 'components'], 'BASE_TYPE_REQUIRED', 'This field is required');
  return list.issues;
}

const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const SUBCOMMAND = 1;
const SUBCOMMAND_GROUP = 2;

function checkCommandName(list: IssueList, name: unknown, path: Path): void {
  if (typeof name !== 'string' || !COMMAND_NAME.test(name) || name !== name.toLowerCase()) {
    list.add(path, 'APPLICATION_COMMAND_INVALID_NAME', `Command name is invalid`);
  }
}

function checkOptions(list: IssueList, options: unknown, path: Path): void {
  const items = list.array(options, path, 25);
  if (!items) return;
  const names = new Set<string>();
  let sawOptional = false;
  items.forEach((option, index) => {
    if (!isJsonObject(option)) return;
    const at = (...rest: Path): Path => [...path, index, ...rest];
    const type = option['type'];
    if (typeof type !== 'number' || type < 1 || type > 11) {
      list.add(at('type'), 'BASE_TYPE_CHOICES', 'Value must be one of {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}.');
    }
    checkCommandName(list, option['name'], at('name'));
    const name = option['name'];
    if (typeof name === 'string') {
      if (names.has(name)) {
        list.add(at('name'), 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS', 'Option name already exists');
      }
      names.add(name);
    }
    list.text(option['description'], at('description'), 100, { required: true });
    if (type === SUBCOMMAND || type === SUBCOMMAND_GROUP) {
      checkOptions(list, option['options'], at('options'));
      return;
    }
    if (option['required'] === true && sawOptional) {
      list.add(
        at('required'),
        'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
        'Required options must be placed before non-required options',
      );
    }
    if (option['required'] !== true) sawOptional = true;
    const choices = list.array(option['choices'], at('choices'), 25);
    if (choices && choices.length > 0 && option['autocomplete'] === true) {
      list.add(at('autocomplete'), 'AUTOCOMPLETE_AND_CHOICES_INVALID', 'Autocomplete cannot be set with choices');
    }
    choices?.forEach((choice, choiceIndex) => {
      if (!isJsonObject(choice)) return;
      list.text(choice['name'], at('choices', choiceIndex, 'name'), 100, { required: true });
      if (typeof choice['value'] === 'string') list.text(choice['value'], at('choices', choiceIndex, 'value'), 100);
    });
  });
}

/** Problems in one application command body; `path` prefixes issue paths (e.g. [index] for bulk overwrite). */
export function commandIssues(command: unknown, path: Path = []): ValidationIssue[] {
  const list = new IssueList();
  if (!isJsonObject(command)) {
    list.add(path, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    return list.issues;
  }
  const type = command['type'] ?? 1;
  if (type === 1) {
    checkCommandName(list, command['name'], [...path, 'name']);
    list.text(command['description'], [...path, 'description'], 100, { required: true });
    checkOptions(list, command['options'], [...path, 'options']);
  } else {
    list.text(command['name'], [...path, 'name'], 32, { required: true });
    const description = command['description'];
    if (typeof description === 'string' && description.length > 0) {
      list.add([...path, 'description'], 'APPLICATION_COMMAND_INVALID_DESCRIPTION', 'Context menu commands cannot have a description');
    }
  }
  return list.issues;
}

/** Problems in a bulk overwrite body (PUT .../commands). */
export function bulkCommandIssues(commands: unknown): ValidationIssue[] {
  if (!Array.isArray(commands)) return [{ path: [], code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' }];
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  commands.forEach((command, index) => {
    issues.push(...commandIssues(command, [index]));
    if (isJsonObject(command)) {
      const key = `${String(command['type'] ?? 1)}:${String(command['name'])}`;
      if (seen.has(key)) {
        issues.push({ path: [index, 'name'], code: 'APPLICATION_COMMANDS_DUPLICATE_NAME', message: `Application command names must be unique` });
      }
      seen.add(key);
    }
  });
  if (commands.filter((c) => isJsonObject(c) && (c['type'] ?? 1) === 1).length > 100) {
    issues.push({ path: [], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 100 or fewer in length.' });
  }
  return issues;
}
