import { describe, expect, it } from 'vitest';
import type { LookupResult } from '../../src/engine/lookup.js';
import { seed } from '../support/seed.js';

function outcome(r: LookupResult): string {
  if (r.kind === 'found') return r.paper.id;
  if (r.kind === 'ambiguous') return `ambiguous: ${r.candidates.map((p) => p.id).sort().join(' ')}`;
  return 'not found';
}

describe('lookup on the seed corpus', () => {
  it.each([
    ['deepseek-v3', 'deepseek-v3'],
    ['DeepSeek-V3', 'deepseek-v3'],
    ['deepseek v3', 'deepseek-v3'],
    ['DeepSeek-V3.2', 'deepseek-v3-2'],
    ['deepseek-v3-2', 'deepseek-v3-2'],
    ['deepseek-v2', 'deepseek-v2'],
    ['deepseek-ocr 2', 'deepseek-ocr-2'],
    ['DeepSeek-OCR-2', 'deepseek-ocr-2'],
    ['ocr2', 'deepseek-ocr-2'],
    ['deepseek-ocr', 'deepseek-ocr'],
    ['janus', 'janus'],
    ['Janus-Pro', 'janus-pro'],
    ['janusflow', 'janusflow'],
    ['deepseek-vl', 'deepseek-vl'],
    ['deepseek vl2', 'deepseek-vl2'],
    ['deepseek-r1', 'deepseek-r1'],
    ['DeepSeek-R1-Zero', 'deepseek-r1'],
    ['deepseek coder', 'deepseek-coder'],
    ['deepseek-coder-v2', 'deepseek-coder-v2'],
    ['mhc', 'mhc'],
    ['Engram', 'engram'],
  ])('GIVEN the name %j THEN the paper %s, version-exact', async (name, id) => {
    const { engine } = await seed();
    expect(outcome(engine.lookup(name))).toBe(id);
  });

  it.each([
    ['deepsek v3', 'deepseek-v3'],
    ['DeepSeek-V3', 'deepseek-v3'],
    ['janus-por', 'janus-pro'],
    ['deepseek-ocr-22', 'not found'],
    ['colecilp', 'coleclip'],
  ])('GIVEN a typo %j THEN %s, and never another version', async (name, expected) => {
    const { engine } = await seed();
    expect(outcome(engine.lookup(name))).toBe(expected);
  });

  it('GIVEN "deepseek-v4", which does not exist THEN not V3, V3.2 or V2', async () => {
    const { engine } = await seed();
    const r = engine.lookup('deepseek-v4');
    expect(r.kind === 'found' ? r.paper.id : null).toBeNull();
  });

  it('GIVEN an ambiguous name THEN the candidates, not a guess', async () => {
    const { engine } = await seed();
    const r = engine.lookup('deepseek');
    expect(r.kind).toBe('ambiguous');
    if (r.kind === 'ambiguous') {
      expect(r.candidates.length).toBeGreaterThan(5);
      expect(r.candidates.every((p) => p.title.startsWith('DeepSeek'))).toBe(true);
    }
    expect(outcome(engine.lookup('deepseek-co'))).toBe('ambiguous: deepseek-coder deepseek-coder-v2');
  });

  it('GIVEN words of a title THEN that paper', async () => {
    const { engine } = await seed();
    expect(outcome(engine.lookup('visual causal flow'))).toBe('deepseek-ocr-2');
  });

  it('GIVEN nothing like any paper THEN not found', async () => {
    const { engine } = await seed();
    expect(outcome(engine.lookup('quantum chromodynamics lattice'))).toBe('not found');
    expect(outcome(engine.lookup('🙂🙂'))).toBe('not found');
  });
});
