/**
 * Approximation and sign words, per language. A quantity keeps its number and is flagged
 * `approx`; the word is kept in `approxWord`. Bounds (`more than`, `超过`, `不到`) count as
 * approximate: the figure is not the exact amount.
 */

export const EN_APPROX_BEFORE: readonly string[] = [
  'approximately', 'approx.', 'approx', 'about', 'around', 'roughly', 'nearly', 'almost', 'close to',
  'more than', 'over', 'above', 'under', 'below', 'less than', 'fewer than', 'up to', 'at least', 'at most',
  'some', 'circa', '~', 'in excess of', 'north of', 'just over', 'just under', 'well over', 'slightly over',
  'slightly more than', 'slightly less than', 'upwards of', 'an estimated', 'estimated', 'a little over',
  'a little more than', 'roughly about', 'as much as', 'as many as',
];

/**
 * Before a Chinese number; a copula may follow the word (`大概是47亿`, `约为`), see
 * `ZH_APPROX_LINK`.
 */
export const ZH_APPROX_BEFORE: readonly string[] = [
  '大约', '大概', '约', '約', '将近', '將近', '接近', '近', '超过', '超過', '超', '逾', '不到', '不足', '至少', '多于', '少于',
];
/**
 * Characters before an approximation word that make it part of another word: 签约 (signed),
 * 节约, 合约 are not 约; 最近 (recently), 附近 are not 近; 赶超 is not 超.
 */
export const ZH_APPROX_NOT_AFTER: Readonly<Record<string, string>> = {
  约: '签节预合条契制违履邀特相婚简', 約: '簽節預合條契制違履邀特相婚簡', 近: '最附临臨邻鄰亲親', 超: '赶趕',
};
export const ZH_APPROX_LINK = '是|为|為|有|在|达|達';
/** After a Chinese number (多/余/几 are read with the numeral, see `zh-numerals.ts`). */
export const ZH_APPROX_AFTER: readonly string[] = ['左右', '上下', '以上', '之多'];

/** Words that make the number negative. */
export const EN_SIGN_BEFORE: readonly string[] = ['negative', 'minus'];
export const ZH_SIGN_BEFORE: readonly string[] = ['负的', '負的', '负', '負'];

/**
 * A loss word before an amount makes the amount negative (`a gross loss of RMB 30.7 million`,
 * `净亏损为人民币2亿元`); the word is kept as `signWord` so a later stage knows the sign came
 * from the metric, not from the number.
 */
export const EN_LOSS_BEFORE = /\b(loss(?:es)?)\s+(?:(?:of|was|were|is|at|totall?ed|totall?ing|amounted to|reached|came in at|narrowed to|widened to)\s+)?$/i;
export const ZH_LOSS_BEFORE = /(亏损|虧損)(?:额|額)?(?:为|為|达|達|了|约|約)?$/;
