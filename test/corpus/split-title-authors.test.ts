import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitTitleAuthors } from '../../src/corpus/split-title-authors.js';
import { DATA_DIR } from '../support/seed.js';
import { messyText } from './messy-text.js';
import { referenceSplitTitleAuthors } from './reference.js';

describe('splitTitleAuthors', () => {
  it('GIVEN every seed listing entry THEN title and authors split where the title ends', () => {
    const lines = readFileSync(path.join(DATA_DIR, '001_721e189e5cfd2ecc.txt'), 'utf8').split('\n');
    const split = lines.filter((_, i) => i % 3 === 1).map((l) => splitTitleAuthors(l));
    expect(split.map((s) => [s?.title, s?.authors[0]])).toEqual([
      ['DeepSeek-OCR 2: Visual Causal Flow', 'Haoran Wei'],
      ['DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning', 'DeepSeek-AI'],
      ['DeepSeek-V2: A Strong, Economical, and Efficient Mixture-of-Experts Language Model', 'DeepSeek-AI'],
      ['DeepSeek-VL: Towards Real-World Vision-Language Understanding', 'Haoyu Lu'],
      ['DeepSeek LLM: Scaling Open-Source Language Models with Longtermism', 'DeepSeek-AI'],
      ['DeepSeek-VL2: Mixture-of-Experts Vision-Language Models for Advanced Multimodal Understanding', 'Zhiyu Wu'],
      ['DeepSeek-V3.2: Pushing the Frontier of Open Large Language Models', 'DeepSeek-AI'],
      ['DeepSeek-OCR: Contexts Optical Compression', 'Haoran Wei'],
      ['DeepSeek-V3 Technical Report', 'DeepSeek-AI'],
    ]);
  });

  it('GIVEN "et al." and affiliations THEN et al. is a flag and affiliations a list', () => {
    expect(splitTitleAuthors('DeepSeek-V3 Technical ReportDeepSeek-AI, Aixin Liu, Bei Feng et al. · stanford, tsinghua')).toEqual({
      title: 'DeepSeek-V3 Technical Report',
      authors: ['DeepSeek-AI', 'Aixin Liu', 'Bei Feng'],
      etAl: true,
      affiliations: ['stanford', 'tsinghua'],
    });
  });

  it.each([
    ['Sparse Routing for MoEJohn Smith, Jane Doe', 'Sparse Routing for MoE', 'John Smith'],
    ['Scaling Qwen2.5Émile Zola, Zoë Kravitz', 'Scaling Qwen2.5', 'Émile Zola'],
    ['Attention for GPT-4Conor O’Brien, Ana María López', 'Attention for GPT-4', 'Conor O’Brien'],
    ["Learning in the WildD'Angelo Russo", 'Learning in the Wild', "D'Angelo Russo"],
    ['A Study of LLaMA 3Jean-Pierre Dupont', 'A Study of LLaMA 3', 'Jean-Pierre Dupont'],
    ['Routing Tokens in MoEDeepSeek-AI, Wen Liu', 'Routing Tokens in MoE', 'DeepSeek-AI'],
    ['Graph NetsJ. R. Tolkien, Bob Lee', 'Graph Nets', 'J. R. Tolkien'],
    ['Reasoning with LLaMALu Wang', 'Reasoning with LLaMA', 'Lu Wang'],
  ])('GIVEN %j THEN the title is %j and the first author %j', (line, title, firstAuthor) => {
    const split = splitTitleAuthors(line);
    expect(split?.title).toBe(title);
    expect(split?.authors[0]).toBe(firstAuthor);
  });

  it('GIVEN a line with no authors THEN it returns null', () => {
    expect(splitTitleAuthors('just a lowercase title with no authors')).toBeNull();
  });
});

describe('splitTitleAuthors against the character-by-character original', () => {
  // Title lines: words glued together so capitals meet the character before them, with author
  // separators, "et al." and affiliations mixed in.
  const line = fc.oneof(
    messyText(),
    fc
      .tuple(messyText(12), fc.array(fc.constantFrom('Wei Zhang', 'DeepSeek-AI', "Conor O'Brien", 'J. R. Tolkien', 'Ana María López', 'OpenAI', 'van der Berg'), { maxLength: 4 }), messyText(4))
      .map(([title, authors, tail]) => `${title}${authors.join(', ')}${tail}`),
  );

  it('LAW: the same split as the reference for any line', () => {
    fc.assert(
      fc.property(line, (text) => {
        expect(splitTitleAuthors(text)).toEqual(referenceSplitTitleAuthors(text));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['Scaling OCRDeepSeek-AI et al.'],
    ['Scaling XOCR et al.'],
    ['A Study of 𝐀𝐁Wei Zhang'],
    ['Routing in MoEDeepSeek-AI and Wen Liu & Bo Li, et al. · pku, mit'],
    ['Title\u00A0EndsWei\u2028Zhang'],
    ['Lone \uD835Surrogate\uDC00Wei Zhang'],
    ['ModelWei ZhangET AL.'],
    ['Sparse ModelsSmithEt Al. · mit'],
  ])('GIVEN %j THEN the same split as the reference', (text) => {
    expect(splitTitleAuthors(text)).toEqual(referenceSplitTitleAuthors(text));
  });
});
