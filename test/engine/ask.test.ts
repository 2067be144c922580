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

describe('ask: questions about the listings and the corpus', () => {
  it.each([
    ['How many papers are in the corpus?', '22 papers are in the corpus.'],
    ['Which papers have code on GitHub?', '4 papers have code on GitHub: DeepSeek-OCR 2, DeepSeek-VL2, DeepSeek-OCR, DeepSeek-V3.'],
    ['Which papers were published in 2025?', '3 papers are dated 2025: DeepSeek-R1, DeepSeek-V3.2, DeepSeek-OCR.'],
    ['Which papers are by Haoran Wei?', '2 papers are by Haoran Wei: DeepSeek-OCR 2, DeepSeek-OCR.'],
    ['Which papers are from PKU?', '3 papers list the affiliation PKU: DeepSeek-V2, DeepSeek-VL, DeepSeek LLM.'],
    ['Who wrote DeepSeek-V3?', 'DeepSeek-V3 is by DeepSeek-AI, Aixin Liu, Bei Feng et al.'],
    ['What are the newest papers?', 'The newest papers: DeepSeek-OCR 2, DeepSeek-V3.2, DeepSeek-OCR.'],
    ['What are the oldest papers?', 'The oldest papers: DeepSeek LLM, DeepSeek-VL, DeepSeek-V2.'],
    ['How many papers are by Wei Zhang?', '0 papers are by Wei Zhang.'],
    ['How many papers are by Haoran Wei?', '2 papers are by Haoran Wei.'],
    ['How many papers are there?', '22 papers are in the corpus.'],
    ['How many papers use mixture-of-experts?', '6 papers use Mixture-of-Experts (MoE): DeepSeek-VL2, DeepSeek-V2, Engram, DeepSeek-OCR, DeepSeek-V3 and DeepSeek-Coder-V2.'],
    ['How many papers use data from Common Crawl?', 'No paper in the corpus mentions “data from Common Crawl”.'],
  ])('GIVEN %j THEN %j', async (question, text) => {
    expect((await ask(question)).text).toBe(text);
  });

  it('GIVEN "Which papers have code?" THEN the papers with a flag or a link, not sentences about code models', async () => {
    const a = await ask('Which papers have code?');
    expect(a.text).toMatch(/^8 papers have code: /);
    expect(a.citations.every((c) => c.sentence.startsWith('Code: '))).toBe(true);
  });

  it('GIVEN a paper whose abstract says its code is public but gives no link THEN that sentence, said as such', async () => {
    const a = await ask('Is Janus-Pro open source?');
    expect(a.text).toBe('Janus-Pro\'s abstract says: “Code and models are publicly available.” The corpus has no link to it.');
  });
});

describe('ask: honest about what the corpus says', () => {
  it('GIVEN "Which paper introduces DeepSeekMoE?" THEN only the paper the others credit, not those that use it', async () => {
    const a = await ask('Which paper introduces DeepSeekMoE?');
    expect(a.text).toBe('1 paper introduces DeepSeekMoE: DeepSeek-V2.');
  });

  it('GIVEN a term the papers use but never define THEN it says so instead of passing a mention off as a definition', async () => {
    const a = await ask('What is a transformer?');
    expect(a.text).toBe('No paper defines “transformer”; 2 papers use it: Engram and Janus.');
  });

  it('GIVEN "What is CL?" THEN no paper is said to introduce continual learning', async () => {
    expect((await ask('What is CL?')).text).toBe('CL is continual learning. Used in CoLeCLIP.');
  });
});

describe('ask: comparisons and sloppy questions', () => {
  it('GIVEN "Which model is bigger, DeepSeek-V2 or DeepSeek-V3?" THEN each paper\'s parameter count', async () => {
    const a = await ask('Which model is bigger, DeepSeek-V2 or DeepSeek-V3?');
    expect(a.cited).toEqual(['deepseek-v2', 'deepseek-v3']);
    expect(a.text).toContain('236B total parameters');
    expect(a.text).toContain('671B total parameters');
  });

  it('GIVEN "difference between DeepSeek-V2 and V3" THEN both papers, the short form resolved', async () => {
    expect((await ask('What is the difference between DeepSeek-V2 and V3?')).cited).toEqual(['deepseek-v2', 'deepseek-v3']);
  });

  it.each(['<@U0123ABC> what is MLA?', '@here what is MLA? 🤔', 'paperbot, what is MLA', 'What is MLA in deepsek v3?'])(
    'GIVEN %j THEN the same answer as "What is MLA?"',
    async (question) => {
      expect((await ask(question)).text).toBe((await ask('What is MLA?')).text);
    },
  );

  it('GIVEN a named paper and a figure in another sentence THEN the sentence with the figure ("reduces" ~ "reduction")', async () => {
    expect((await ask('What is the KV cache reduction in DeepSeek-V2?')).text).toContain('reduces the KV cache by 93.3%');
  });
});
