/**
 * Scale words and abbreviations after a number. Chinese scale characters (万, 亿) are read
 * with the numeral itself, in `zh-numerals.ts`.
 */

/** Spelled-out scale words after digits: `1.84 billion`, `322 hundred`, `13 lakh`. Case-insensitive. */
export const EN_SCALE_WORDS: Readonly<Record<string, number>> = {
  hundred: 1e2,
  thousand: 1e3,
  thousands: 1e3,
  million: 1e6,
  millions: 1e6,
  billion: 1e9,
  billions: 1e9,
  trillion: 1e12,
  trillions: 1e12,
  lakh: 1e5,
  lakhs: 1e5,
  crore: 1e7,
  crores: 1e7,
};

/**
 * Abbreviations, case-sensitive, glued or after one space: `40k`, `RMB1.8bn`, `10M`, `US$ 1MM`,
 * `10 bln`. `G` is left out: `5G` in a call is the network. A lowercase `m` means metres (`1m isn't a number`) unless a currency precedes it
 * (`$5m`), see `EN_SCALE_MONEY_ONLY`.
 */
export const EN_SCALE_ABBREV: Readonly<Record<string, number>> = {
  k: 1e3, K: 1e3,
  M: 1e6, MM: 1e6, mm: 1e6, mn: 1e6, Mn: 1e6, mil: 1e6, mln: 1e6,
  b: 1e9, B: 1e9, bn: 1e9, Bn: 1e9, bln: 1e9,
  T: 1e12, tn: 1e12, tln: 1e12, tr: 1e12,
};

export const EN_SCALE_MONEY_ONLY: Readonly<Record<string, number>> = { m: 1e6 };
