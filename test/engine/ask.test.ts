import { describe, expect, it } from 'vitest';
import { seed } from '../support/seed.js';

async function ask(question: string, contextPaperId?: string) {
  const { engine } = await seed();
  const contextPaper = contextPaperId ? engine.get(contextPaperId) : undefined;
  const answer = engine.ask(question, contextPaper ? { contextPaper } : {});
  return { ...answer, cited: [...new Set(answer.citations.map((c) => c.paper.id))] };
}

describe('ask', () => {
  it('GIVEN "How many total parameters does DeepSeek-V3 have?" THEN the 671B sentence of DeepSeek-V3', async () => {
    const a = await ask('How many total parameters does DeepSeek-V3 have?');
    expect(a.found).toBe(true);
    expect(a.cited).toEqual(['deepseek-v3']);
    expect(a.text).toContain('671B total parameters');
    expect(a.citations[0]!.sentence).toBe(
      'We present DeepSeek-V3, a strong Mixture-of-Experts (MoE) language model with 671B total parameters with 37B activated for each token.',
    );
  });

  it('GIVEN "What is MLA?" THEN the expansion the corpus gives and the papers that introduce and use it', async () => {
    const a = await ask('What is MLA?');
    expect(a.found).toBe(true);
    expect(a.text).toMatch(/^MLA is Multi-head Latent Attention\./);
    expect(a.text).toContain('Introduced in DeepSeek-V2.');
    expect(a.text).toMatch(/Also used in DeepSeek-V3 and DeepSeek-VL2\./);
    expect(a.cited).toEqual(['deepseek-v2', 'deepseek-v3', 'deepseek-vl2']);
    for (const c of a.citations) expect(c.paper.abstract).toContain(c.sentence);
  });

  it('GIVEN "what does MLA do?" THEN the sentence that says what it does', async () => {
    const a = await ask('what does MLA do?');
    expect(a.text).toContain('compressing the Key-Value (KV) cache into a latent vector');
  });

  it('GIVEN "Which papers use mixture-of-experts?" THEN every paper that does, each cited', async () => {
    const a = await ask('Which papers use mixture-of-experts?');
    expect(a.found).toBe(true);
    expect(a.cited.sort()).toEqual(['deepseek-coder-v2', 'deepseek-ocr', 'deepseek-v2', 'deepseek-v3', 'deepseek-vl2', 'engram']);
    expect(a.text).toMatch(/^6 papers use Mixture-of-Experts \(MoE\): /);
  });

  it('GIVEN "What is MoE?" THEN no paper is said to introduce it (none does)', async () => {
    const a = await ask('What is MoE?');
    expect(a.text).toMatch(/^MoE is Mixture-of-Experts\. Used in /);
    expect(a.text).not.toContain('Introduced');
  });

  it('GIVEN a question about a named system THEN the sentence that introduces it', async () => {
    const a = await ask('What is Janus-Pro?');
    expect(a.citations[0]).toMatchObject({ sentence: 'In this work, we introduce Janus-Pro, an advanced version of the previous work Janus.' });
  });

  it.each([
    ['What is the context length of DeepSeek-V2?', 'deepseek-v2', '128K tokens'],
    ['How many GPU hours did DeepSeek-V3 take to train?', 'deepseek-v3', '2.788M H800 GPU hours'],
    ['how many programming languages does DeepSeek-Coder-V2 support?', 'deepseek-coder-v2', 'from 86 to 338'],
    ['Who wrote DeepSeek-OCR?', 'deepseek-ocr', 'Haoran Wei, Yaofeng Sun, Yukun Li'],
    ['Where is the code for DeepSeek-V3?', 'deepseek-v3', 'https://github.com/deepseek-ai/DeepSeek-V3'],
  ])('GIVEN %j THEN an answer from %s containing %j', async (question, id, fragment) => {
    const a = await ask(question);
    expect(a.found).toBe(true);
    expect(a.cited[0]).toBe(id);
    expect(a.text).toContain(fragment);
  });

  it('GIVEN a follow-up without a name and the paper of the conversation THEN it answers about that paper', async () => {
    const a = await ask('how many parameters?', 'deepseek-v3');
    expect(a.cited).toEqual(['deepseek-v3']);
    expect(a.text).toContain('671B');
  });

  it.each([
    'What is the capital of France?',
    'what is RLHF?',
    'Which papers use quantum annealing?',
    'How tall is the Eiffel Tower?',
  ])('GIVEN %j, which the corpus does not answer THEN it says so and quotes nothing', async (question) => {
    const a = await ask(question);
    expect(a.found).toBe(false);
    expect(a.citations).toEqual([]);
    expect(a.text).toMatch(/^(Nothing in the corpus|No paper in the corpus)/);
  });

  it('GIVEN a named paper whose abstract does not answer THEN it says so about that paper', async () => {
    const a = await ask('What is the license of DeepSeek-V3?');
    expect(a.found).toBe(false);
    expect(a.text).toBe('The abstract of DeepSeek-V3 does not answer that.');
  });
});
