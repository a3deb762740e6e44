/**
 * Currency tables: what is written before or after a number, and its ISO 4217 code.
 * Bare `$` is USD and a bare Chinese amount with `元` is CNY (the calls ecall reads are
 * reported in RMB or US dollars). Historic codes (FIM, ESP, NLG, FRF) are used for historic
 * currencies; XBT (not ISO) for bitcoin.
 */

/** Written before the number: `RMB 1.84 billion`, `US$75 billion`, `HK$`, `MXN55 billion`. Longest first is ensured by the regex builder. */
export const CURRENCY_PREFIX: Readonly<Record<string, string>> = {
  'US$': 'USD', 'U.S.$': 'USD', 'U.S. $': 'USD', 'u.s $': 'USD', 'us $': 'USD', USD: 'USD',
  'HK$': 'HKD', 'hk $': 'HKD', HKD: 'HKD',
  'NT$': 'TWD', 'nt $': 'TWD', NTD: 'TWD', TWD: 'TWD',
  'C$': 'CAD', 'c $': 'CAD', CAD: 'CAD',
  'A$': 'AUD', AUD: 'AUD',
  'S$': 'SGD', SGD: 'SGD',
  'MX$': 'MXN', MXN: 'MXN',
  'R$': 'BRL', BRL: 'BRL',
  RMB: 'CNY', CNY: 'CNY', EUR: 'EUR', GBP: 'GBP', JPY: 'JPY', INR: 'INR', KRW: 'KRW', CHF: 'CHF',
  '$': 'USD', '€': 'EUR', '£': 'GBP', '¥': 'CNY', '￥': 'CNY', '₩': 'KRW', '₹': 'INR', '₡': 'CRC',
  '₾': 'GEL', '₭': 'LAK', 'ரூ': 'LKR', '₱': 'PHP', '₽': 'RUB', '₺': 'TRY',
  人民币: 'CNY', 人民幣: 'CNY', 港币: 'HKD', 港幣: 'HKD', 新台币: 'TWD', 新台幣: 'TWD', 美元: 'USD',
};

/** Codes and signs that are also written after the number: `40 rmb`, `100 ₡`, `100₾`. */
export const CURRENCY_SUFFIX_SIGNS: Readonly<Record<string, string>> = {
  RMB: 'CNY', CNY: 'CNY', USD: 'USD', HKD: 'HKD', TWD: 'TWD', MXN: 'MXN', EUR: 'EUR', GBP: 'GBP', JPY: 'JPY', CHF: 'CHF',
  '₡': 'CRC', '₾': 'GEL', '₭': 'LAK', 'ரூ': 'LKR', '€': 'EUR', '元': 'CNY',
};

/**
 * English currency words after the number, case-insensitive. The value is the ISO code and a
 * divisor for minor units (`50 cents` is USD 0.50, `470 pence` GBP 4.70).
 */
export const CURRENCY_WORDS_EN: Readonly<Record<string, [string, number]>> = {
  'us dollars': ['USD', 1], 'us dollar': ['USD', 1], 'u.s. dollars': ['USD', 1], 'dollars': ['USD', 1], 'dollar': ['USD', 1],
  'australian dollars': ['AUD', 1], 'canadian dollars': ['CAD', 1], 'hong kong dollars': ['HKD', 1], 'singapore dollars': ['SGD', 1],
  'new taiwan dollars': ['TWD', 1], 'taiwan dollars': ['TWD', 1],
  'yuan': ['CNY', 1], 'renminbi': ['CNY', 1], 'euros': ['EUR', 1], 'euro': ['EUR', 1], 'pounds sterling': ['GBP', 1],
  'pounds': ['GBP', 1], 'pound': ['GBP', 1], 'yen': ['JPY', 1], 'mexican pesos': ['MXN', 1], 'pesos': ['MXN', 1], 'peso': ['MXN', 1],
  'swiss francs': ['CHF', 1], 'francs': ['FRF', 1], 'finnish markka': ['FIM', 1], 'markka': ['FIM', 1], 'pesetas': ['ESP', 1],
  'dutch guilders': ['NLG', 1], 'guilders': ['NLG', 1], 'rupees': ['INR', 1], 'rupee': ['INR', 1], 'ringgit': ['MYR', 1],
  'baht': ['THB', 1], 'rubles': ['RUB', 1], 'roubles': ['RUB', 1], 'bitcoins': ['XBT', 1], 'bitcoin': ['XBT', 1],
  'rmb': ['CNY', 1], 'cny': ['CNY', 1], 'usd': ['USD', 1], 'hkd': ['HKD', 1], 'twd': ['TWD', 1], 'mxn': ['MXN', 1],
  'eur': ['EUR', 1], 'gbp': ['GBP', 1], 'jpy': ['JPY', 1], 'chf': ['CHF', 1],
  'cents': ['USD', 100], 'cent': ['USD', 100], 'pence': ['GBP', 100], 'penny': ['GBP', 100], 'pennies': ['GBP', 100],
};

/** Chinese currency words after the number (`十八点四亿元`, `1.95港元`, `8亿元人民币`). */
export const CURRENCY_WORDS_ZH: Readonly<Record<string, string>> = {
  元: 'CNY', 圆: 'CNY', 块: 'CNY', 塊: 'CNY', 人民币: 'CNY', 人民幣: 'CNY',
  美元: 'USD', 美金: 'USD', 美圆: 'USD', 美刀: 'USD',
  港元: 'HKD', 港币: 'HKD', 港幣: 'HKD',
  新台币: 'TWD', 新台幣: 'TWD', 台币: 'TWD', 台幣: 'TWD',
  日元: 'JPY', 日圆: 'JPY', 日币: 'JPY', 欧元: 'EUR', 歐元: 'EUR', 英镑: 'GBP', 英鎊: 'GBP',
  瑞士法郎: 'CHF', 澳元: 'AUD', 澳币: 'AUD', 加元: 'CAD', 加币: 'CAD', 韩元: 'KRW', 韓元: 'KRW',
  卢布: 'RUB', 奈拉: 'NGN', 比特币: 'XBT', 新加坡元: 'SGD', 新元: 'SGD', 泰铢: 'THB', 林吉特: 'MYR',
  卢比: 'INR', 墨西哥比索: 'MXN', 比索: 'MXN',
};

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An alternation of the keys, longest first (so `US$` wins over `$`). */
export function alternation(keys: Iterable<string>): string {
  return [...keys].sort((a, b) => b.length - a.length).map(escape).join('|');
}
