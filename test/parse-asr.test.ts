import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusFile, corpusSkipReason, hasCorpus, parseFile, ROOT } from './helpers.js';

describe('asr-segments layout: own fixture', () => {
  const { source, transcript: t } = parseFile(join(ROOT, 'fixtures/asr-segments/hengtai-q2-2025.txt'));

  it('reads one unknown speaker, one paragraph per timed segment, timestamps outside the speech', () => {
    expect(t.format).toBe('asr-segments');
    expect(t.turns).toHaveLength(1);
    expect(t.turns[0]).toMatchObject({ speaker: 'Unknown', role: 'unknown', lang: 'zh' });
    const paras = t.turns[0]!.paragraphs.map((p) => source.text.slice(p.start, p.end));
    expect(paras).toHaveLength(5);
    expect(paras[0]).toBe('大 家 好 欢 迎 参 加 恒 泰 医 疗 的 法 说 会');
    expect(paras.every((p) => !p.includes('-->'))).toBe(true);
  });

  it('sets the sign-off hallucination aside with a warning', () => {
    const h = t.diagnostics.filter((d) => d.rule === 'asr-hallucination');
    expect(h).toHaveLength(1);
    expect(source.text.slice(h[0]!.span!.start, h[0]!.span!.end)).toMatch(/^请 不 吝 点 赞/);
    expect(t.regions.filter((r) => r.kind === 'furniture')).toHaveLength(1);
    expect(t.regions.filter((r) => r.kind === 'markup')).toHaveLength(6);
  });
});

describe.skipIf(!hasCorpus)(`asr-segments layout: jiayi-4104-2026-asr-zh.txt ${corpusSkipReason}`, () => {
  const { source, transcript: t } = hasCorpus ? parseFile(corpusFile('jiayi-4104-2026-asr-zh.txt')) : ({} as ReturnType<typeof parseFile>);

  it('is one Chinese turn of timed paragraphs with the hallucinations set aside', () => {
    expect(t.format).toBe('asr-segments');
    expect(t.turns).toHaveLength(1);
    expect(t.turns[0]!.lang).toBe('zh');
    const timed = source.text.split('\n').filter((l) => /^\[\d/.test(l)).length;
    const set = t.diagnostics.filter((d) => d.rule === 'asr-hallucination').length;
    expect(set).toBe(2);
    expect(t.turns[0]!.paragraphs.length).toBe(timed - set);
  });
});
