import { describe, expect, it } from 'vitest';
import { seed } from '../support/seed.js';

describe('related', () => {
  it('GIVEN DeepSeek-V3 THEN DeepSeek-V2 is closest, sharing MLA, MoE and authors', async () => {
    const { engine } = await seed();
    const hits = engine.related(engine.get('deepseek-v3')!);
    expect(hits[0]!.paper.id).toBe('deepseek-v2');
    expect(hits[0]!.shared).toEqual(expect.arrayContaining(['MLA', 'MoE', 'author Aixin Liu']));
    expect(hits.map((h) => h.paper.id)).not.toContain('deepseek-v3');
  });

  it('GIVEN Janus THEN its family (JanusFlow, Janus-Pro) comes first', async () => {
    const { engine } = await seed();
    const top = engine.related(engine.get('janus')!).slice(0, 2).map((h) => h.paper.id);
    expect(top.sort()).toEqual(['janus-pro', 'janusflow']);
  });

  it('THEN shared words are not boilerplate nor the papers own names', async () => {
    const { engine } = await seed();
    for (const hit of engine.related(engine.get('deepseek-v3')!)) {
      expect(hit.shared).not.toContain('DeepSeek');
      expect(hit.shared).not.toContain('performance');
    }
  });
});

describe('suggest', () => {
  it('GIVEN "deeps" THEN DeepSeek papers, at most 25', async () => {
    const { engine } = await seed();
    const s = engine.suggest('deeps');
    expect(s.length).toBeGreaterThan(5);
    expect(s.length).toBeLessThanOrEqual(25);
    expect(s.every((x) => x.label.startsWith('DeepSeek'))).toBe(true);
  });

  it('GIVEN an exact name THEN that paper first', async () => {
    const { engine } = await seed();
    expect(engine.suggest('janus')[0]!.id).toBe('janus');
    expect(engine.suggest('deepseek-v3')[0]!.id).toBe('deepseek-v3');
  });

  it('GIVEN nothing typed THEN the newest papers', async () => {
    const { engine } = await seed();
    expect(engine.suggest('')[0]!.id).toBe('deepseek-ocr-2');
  });

  it('GIVEN a word of a title THEN papers with it', async () => {
    const { engine } = await seed();
    expect(engine.suggest('causal').map((s) => s.id)).toContain('deepseek-ocr-2');
  });

  it.each([
    ['deepeek-o', ['deepseek-ocr', 'deepseek-ocr-2']],
    ['Deepeek-OC', ['deepseek-ocr', 'deepseek-ocr-2']],
    ['janis', ['janus', 'janus-pro', 'janusflow']],
    ['deepsek-v3', ['deepseek-v3']],
  ])('GIVEN the start of a name with a typo, %j, THEN the names it starts', async (typed, ids) => {
    const { engine } = await seed();
    expect(engine.suggest(typed).map((s) => s.id).slice(0, ids.length)).toEqual(ids);
  });

  it('GIVEN a version no paper has THEN no other version is offered for it', async () => {
    const { engine } = await seed();
    expect(engine.suggest('deepseek-v4').map((s) => s.id)).toEqual([]);
    expect(engine.suggest('deepseek-v3.3').map((s) => s.id)).toEqual([]);
  });
});
