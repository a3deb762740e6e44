// Writes a corpus of synthetic but realistic transcripts for the benchmark: bilingual calls in
// the transcript-site layout (spaced-out Chinese with Chinese numerals, interpreter turns, a
// CFO review, Q&A) and English calls in the Refinitiv layout (hard-wrapped lines), ~50 KB
// each. Deterministic: the same seed writes the same files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DIGITS = '零一二三四五六七八九';
/** 1234 → 一千二百三十四 (up to 9999). */
function zhUnder10k(n) {
  const units = ['', '十', '百', '千'];
  const ds = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  ds.forEach((d, i) => {
    const u = units[ds.length - 1 - i];
    if (d === 0) zero = out !== '';
    else {
      if (zero) out += '零';
      zero = false;
      out += (d === 1 && u === '十' && out === '' ? '' : DIGITS[d]) + u;
    }
  });
  return out || '零';
}
/** 18.4 → 十八点四 */
function zhDecimal(x) {
  const [i, f] = String(x).split('.');
  return zhUnder10k(Number(i)) + (f ? `点${f.split('').map((d) => DIGITS[Number(d)]).join('')}` : '');
}
const spaced = (s) => s.split('').join(' ');
const pick = (r, xs) => xs[Math.floor(r() * xs.length)];
const round1 = (x) => Math.round(x * 10) / 10;

const COMPANIES = ['Lanting Data', 'Qinghe Cloud', 'Yuechuan Tech', 'Harborline Networks', 'Jadeport Systems', 'Fenghua Digital', 'Ruixin Software', 'Beicheng Storage'];
const SEGMENTS = [['公有云', 'public cloud'], ['行业云', 'enterprise cloud'], ['数据平台', 'data platform']];
const FILLER_EN = [
  'We continued to focus on high quality and sustainable development, and on serving our customers well.',
  'Our investment in research and development is paying off in product competitiveness and customer satisfaction.',
  'We remain disciplined in how we allocate capital, and we will keep a careful eye on the macro environment.',
  'Customers in financial services, healthcare and the public sector continued to expand their use of our platform.',
  'We will continue to optimise our customer mix and phase out projects that do not meet our return thresholds.',
];
const FILLER_ZH = ['我们继续坚持高质量可持续发展', '持续优化客户结构', '加大研发投入提升产品竞争力', '积极拥抱新的AI时代', '强化经营管理降本增效'];

function bilingualCall(r, k) {
  const company = pick(r, COMPANIES);
  const year = 2020 + (k % 6);
  const q = 1 + (k % 4);
  const rev = round1(8 + r() * 20); // 亿
  const gm = round1(5 + r() * 25);
  const growth = round1(r() * 30);
  const parts = [`${company} - Q${q} ${year}`, '', `November ${1 + (k % 28)}, ${year}`, '', 'Transcript', ''];
  parts.push('Operator (participant)', '', `Good day, and welcome to ${company}'s ${['first', 'second', 'third', 'fourth'][q - 1]} quarter ${year} earnings conference call. After the presentation there will be a question and answer session.`, '');
  parts.push('Mei Lin (Head of Investor Relations)', '', 'Thank you, Operator. In case of any discrepancy, management\'s statement in the original language will prevail. Unless otherwise stated, all figures are in RMB.', '');
  let size = 0;
  let turn = 0;
  while (size < 46_000) {
    const [zhSeg, enSeg] = SEGMENTS[turn % SEGMENTS.length];
    const segRev = round1(rev / (2 + (turn % 3)));
    const segGm = round1(gm + (r() - 0.5) * 10);
    const zh = `${zhSeg}方面，本季度实现收入人民币${zhDecimal(segRev)}亿元，同比增长百分之${zhDecimal(growth)}，毛利率为百分之${zhDecimal(segGm)}，较去年同期提升${zhDecimal(round1(r() * 5))}个百分点。${pick(r, FILLER_ZH)}，${pick(r, FILLER_ZH)}。新签客户${zhUnder10k(10 + Math.floor(r() * 90))}余家。`;
    const en = `In terms of ${enSeg}, revenues were RMB ${Math.round(segRev * 100)} million, up ${growth}% year-over-year, with a gross margin of ${segGm}%. ${pick(r, FILLER_EN)} ${pick(r, FILLER_EN)} We signed more than ${10 + Math.floor(r() * 90)} new customers.`;
    const zhTurn = `Wei Guo (Chairman and CEO)\n\n${spaced(zh)}\n\n`;
    const enTurn = `Speaker 3\n\n${en}\n\n${pick(r, FILLER_EN)} ${pick(r, FILLER_EN)} ${pick(r, FILLER_EN)}\n\n`;
    parts.push(zhTurn + enTurn);
    size += Buffer.byteLength(zhTurn) + Buffer.byteLength(enTurn);
    turn++;
  }
  parts.push('Ada Sun (CFO)', '', `Thank you. Total revenues were RMB ${(rev * 100).toFixed(1)} million, an increase of ${growth}% from RMB ${(rev * 100 / (1 + growth / 100)).toFixed(1)} million in the same period of last year. Gross margin was ${gm}%. Operating expenses were RMB ${(rev * 20).toFixed(1)} million.`, '');
  parts.push('Operator (participant)', '', 'Thank you. As a reminder, to ask a question, please press star one one. Our first question comes from the line of Oliver Grant from Morgan Stanley. Please go ahead.', '');
  parts.push('Oliver Grant (Analyst)', '', 'Thank you. How should we think about margins into next year?', '');
  parts.push('Ada Sun (CFO)', '', `We expect gross margin to stay above ${Math.floor(gm)}% next year. ${pick(r, FILLER_EN)}`, '');
  return parts.join('\n');
}

function wrap(text, width) {
  const out = [];
  let line = '';
  for (const w of text.split(' ')) {
    if (line && line.length + 1 + w.length > width) {
      out.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(line);
  return out.join('\n');
}

function englishCall(r, k) {
  const company = pick(r, COMPANIES);
  const year = 2020 + (k % 6);
  const q = 1 + (k % 4);
  const parts = ['CORPORATE PARTICIPANTS', ' ', 'Ada Sun', `${company}, Inc. - CFO`, ' ', 'Wei Guo', `${company}, Inc. - CEO`, 'CONFERENCE CALL PARTICIPANTS', ' ', 'Oliver Grant', 'Morgan Stanley, Research Division - Analyst', 'PRESENTATION', ' ', 'Operator'];
  parts.push(wrap(`Good afternoon, and welcome to ${company}'s ${['First', 'Second', 'Third', 'Fourth'][q - 1]} Quarter ${year} Conference Call.`, 140), ' ');
  let size = 0;
  while (size < 48_000) {
    const rev = round1(100 + r() * 900);
    const para = `Revenue was $${rev} million, up ${round1(r() * 30)}% year-over-year, and EBITDA was $${round1(rev * 0.2)} million, a margin of ${round1(15 + r() * 10)}%. ${pick(r, FILLER_EN)} ${pick(r, FILLER_EN)} ${pick(r, FILLER_EN)}`;
    const block = `Ada Sun\n${company}, Inc. - CFO\n${wrap(para, 140)}\n${wrap(`${pick(r, FILLER_EN)} ${pick(r, FILLER_EN)}`, 140)}\n \n`;
    parts.push(block);
    size += block.length;
  }
  parts.push('QUESTIONS AND ANSWERS', ' ', 'Operator', 'Our first question comes from Oliver Grant with Morgan Stanley.', ' ', 'Oliver Grant', 'Morgan Stanley, Research Division - Analyst', 'How should we think about next year?', ' ', 'Wei Guo', `${company}, Inc. - CEO`, wrap(`${pick(r, FILLER_EN)} ${pick(r, FILLER_EN)}`, 140));
  return parts.join('\n');
}

/** Writes `count` transcripts into `dir`; returns their total size in bytes. */
export function generateCorpus(dir, count, seed = 20230822) {
  mkdirSync(dir, { recursive: true });
  const r = rng(seed);
  let bytes = 0;
  for (let k = 0; k < count; k++) {
    const text = k % 2 === 0 ? bilingualCall(r, k) : englishCall(r, k);
    const buf = Buffer.from(text, 'utf8');
    writeFileSync(join(dir, `call-${String(k).padStart(4, '0')}.txt`), buf);
    bytes += buf.length;
  }
  return bytes;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = '.bench/corpus', count = '1000'] = process.argv.slice(2);
  const bytes = generateCorpus(dir, Number(count));
  process.stderr.write(`wrote ${count} transcripts, ${(bytes / 1e6).toFixed(1)} MB, into ${dir}\n`);
}
