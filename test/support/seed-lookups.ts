// Named lookups whose answer must be the seed paper at any corpus size: shared by the
// 20,000-paper scale test and the benchmark's accuracy check.

export const SEED_LOOKUPS: ReadonlyArray<readonly [name: string, id: string]> = [
  ['deepseek-v3', 'deepseek-v3'],
  ['DeepSeek-V3', 'deepseek-v3'],
  ['deepseek v3', 'deepseek-v3'],
  ['deepsek v3', 'deepseek-v3'],
  ['DeepSeek-V3.2', 'deepseek-v3-2'],
  ['deepseek-v2', 'deepseek-v2'],
  ['deepseek-ocr 2', 'deepseek-ocr-2'],
  ['DeepSeek-OCR-2', 'deepseek-ocr-2'],
  ['ocr2', 'deepseek-ocr-2'],
  ['deepseek-ocr', 'deepseek-ocr'],
  ['janus', 'janus'],
  ['Janus-Pro', 'janus-pro'],
  ['JanusFlow', 'janusflow'],
  ['deepseek-r1', 'deepseek-r1'],
  ['deepseek-vl2', 'deepseek-vl2'],
  ['engram', 'engram'],
  ['mHC', 'mhc'],
];
