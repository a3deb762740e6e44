/**
 * Chinese words that contain a numeral character but are not numbers. A numeral run lying
 * wholly inside one of these words is not a quantity: `零售` (retail) is not 0, `十分` (very)
 * is not 10, `统一` is not 1. The list is data; add to it when a transcript shows a new one.
 */
export const ZH_NOT_NUMBER_WORDS: readonly string[] = [
  // 一
  '一切', '一看', '一些', '一直', '一定', '一样', '一般', '一起', '一下', '一旦', '一致', '一贯',
  '一体', '一同', '一律', '一向', '一边', '一面', '一方面', '一再', '一时', '一味', '一流', '统一',
  '唯一', '之一', '进一步', '同一', '万一', '逐一', '专一', '单一', '一带一路', '一是', '一则', '一线',
  '一举', '一段', '一番', '一点点', '一系列', '一站式', '一体化', '一揽子',
  // 二, 三
  '二是', '三是', '四是', '不二', '三星', '五金',
  // 十, 百, 千
  '十分', '十足', '百度', '百货', '百姓', '千万不', '千万别', '千万要',
  // 零 (retail and parts are everywhere in a results call)
  '零售', '零件', '零部件', '零星', '零食', '零碎', '零散', '零钱',
  // 两
  '两岸', '两两',
  // financial capitals that are also ordinary characters
  '四川', '四处', '四周', '陆地', '大陆', '海陆', '登陆', '陆续', '着陆', '队伍', '入伍', '退伍',
  '伍仁', '收拾', '拾取', '拾起', '拾到', '夕拾', '拾遗', '拾荒', '放肆', '肆意', '肆无忌惮',
];

/**
 * Measure words after which a number is a count (`一千三百余家`, `约四百人`). The quantity's
 * span includes the measure word and its unit is `count`.
 */
export const ZH_COUNT_WORDS: readonly string[] = [
  '家', '人', '名', '位', '个', '個', '只', '隻', '项', '項', '款', '件', '台', '条', '條', '种', '種',
  '座', '所', '间', '間', '辆', '輛', '架', '艘', '户', '戶', '张', '張', '份', '套', '笔', '筆', '支',
  '颗', '顆', '枚', '单', '單', '批', '类', '類', '次', '场', '場', '双', '雙', '对', '對',
];

/** `第` before a numeral makes it an ordinal, which is not a quantity (`第一大客户`). */
export const ZH_ORDINAL_PREFIX = '第';
