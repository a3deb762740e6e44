/**
 * The vocabulary of the metrics stage, both languages, as data. Adding a term, a cost line or
 * a basis is a line here, never a branch in the code (Recognizers-Text style).
 *
 * English entries are regular-expression sources matched case-insensitively at word
 * boundaries; Chinese entries are literal strings. The longest match wins everywhere, so
 * `毛利率` is a margin and not `毛利` followed by `率`, and `收入占比` is no revenue.
 */
import type { Basis, DeltaBasis } from './types.js';

/** What a term measures, which decides the quantities it accepts. */
export type TermKind =
  /** Money: revenue, costs, profit, cash. Takes money; a change in %. */
  | 'amount'
  /** A ratio in percent: margins. Takes %; a change in pp. */
  | 'ratio'
  /** Money per share: EPS. Takes money without scale. */
  | 'per-share';

/** Which tie-out a line belongs to: cost lines add up to cost of revenue, expense lines to operating expenses. */
export type LineGroup = 'cost' | 'expense';

export interface MetricEntry {
  key: string;
  kind: TermKind;
  en: readonly string[];
  zh: readonly string[];
  /** Terms that state a loss (`net loss`, `净亏损`): an unsigned figure after them is negative. */
  negative?: { en: readonly string[]; zh: readonly string[] };
  group?: LineGroup;
  /**
   * A balance held, not a flow: said after its figure with "in" as well as "of" ("We ended the
   * quarter with $3.4 billion in cash and investments"); "$9,000 in revenue" is a rate.
   */
  balance?: boolean;
  /** For an amount: its margin (gross_profit → gross_margin), used for "36% of revenue" and for 毛利…负二点四. */
  ratio?: string;
}

/** Canonical keys, documented in the README by the lead; `group` ties the lines to their totals. */
export const METRICS: readonly MetricEntry[] = [
  {
    key: 'revenue',
    kind: 'amount',
    en: ['total net revenues?', 'total revenues?', 'net revenues?', 'revenues?', 'net sales', 'total sales'],
    zh: ['营业收入', '营业总收入', '总收入', '总营收', '营收', '收入', '營業收入', '營收', '總營收'],
  },
  {
    key: 'cost_of_revenue',
    kind: 'amount',
    en: ['total costs? of revenues?', 'costs? of revenues?', 'costs? of sales', 'cost of goods sold'],
    zh: ['营业成本', '收入成本', '营收成本', '销售成本', '总成本'],
  },
  {
    key: 'gross_profit',
    kind: 'amount',
    ratio: 'gross_margin',
    en: ['gross profits?'],
    zh: ['毛利额', '毛利润', '毛利'],
    negative: { en: ['gross loss(?:es)?'], zh: ['毛亏损', '毛亏'] },
  },
  { key: 'gross_margin', kind: 'ratio', en: ['gross profit margins?', 'gross margins?'], zh: ['毛利率'] },
  {
    key: 'operating_expenses',
    kind: 'amount',
    en: ['total operating expenses', 'operating expenses', 'operational expenses', 'opex', 'operating costs? and expenses'],
    zh: ['经营费用', '运营费用', '营业费用', '经营开支', '运营开支', '期间费用'],
  },
  {
    key: 'rd_expenses',
    kind: 'amount',
    group: 'expense',
    en: ['r&d expenses?', 'research and development expenses?', 'r&d spending'],
    zh: ['研发费用', '研发开支', '研发支出'],
  },
  {
    key: 'sm_expenses',
    kind: 'amount',
    group: 'expense',
    en: ['selling and marketing expenses?', 'sales and marketing expenses?', 's&m expenses?', 'selling expenses?'],
    zh: ['销售及市场费用', '销售及市场推广费用', '销售费用', '销售开支'],
  },
  {
    key: 'ga_expenses',
    kind: 'amount',
    group: 'expense',
    en: ['g&a expenses?', 'general and administrative expenses?', 'administrative expenses?'],
    zh: ['一般及行政费用', '行政费用', '管理费用', '行政开支'],
  },
  {
    key: 'operating_income',
    kind: 'amount',
    ratio: 'operating_margin',
    en: ['operating income', 'operating profits?', 'income from operations'],
    // Taiwan: 營業利益, 營業淨利 (`那我们营业净利是34 300万` in a Taiwanese call).
    zh: ['经营利润', '营业利润', '运营利润', '營業利益', '營業淨利', '营业净利', '营业利益'],
    negative: { en: ['operating loss(?:es)?', 'loss from operations'], zh: ['经营亏损', '营业亏损', '运营亏损'] },
  },
  { key: 'operating_margin', kind: 'ratio', en: ['operating profit margins?', 'operating margins?'], zh: ['经营利润率', '营业利润率', '运营利润率', '營業利益率', '營業利潤率'] },
  { key: 'ebitda', kind: 'amount', ratio: 'ebitda_margin', en: ['ebitda'], zh: ['EBITDA', '息税折旧摊销前利润'] },
  { key: 'ebitda_margin', kind: 'ratio', en: ['ebitda margins?'], zh: ['EBITDA率', 'EBITDA利润率', 'EBITDA margin'] },
  {
    key: 'net_income',
    kind: 'amount',
    ratio: 'net_margin',
    en: ['net income', 'net profits?', 'net earnings', 'net income attributable to [a-z ]{0,30}?shareholders'],
    zh: ['归属于母公司股东的净利润', '归母净利润', '归母净利', '净利润', '净利', '公司权益持有人应占盈利', '权益持有人应占盈利', '股东应占溢利', '股东应占盈利', '淨利', '稅後淨利', '淨利潤'],
    negative: { en: ['net loss(?:es)?'], zh: ['归母净亏损', '净亏损', '净亏'] },
  },
  { key: 'net_margin', kind: 'ratio', en: ['net margins?', 'net income margins?', 'net profit margins?'], zh: ['净利率', '净利润率', '淨利率'] },
  {
    key: 'eps',
    kind: 'per-share',
    en: ['diluted earnings per (?:share|ads)', 'earnings per (?:share|ads)', 'eps', 'net income per (?:diluted )?(?:share|ads)'],
    zh: ['每股收益', '每股盈利', '每股净收益', '每股ADS收益', '每股盈餘', '每股盈余'],
  },
  {
    key: 'operating_cash_flow',
    kind: 'amount',
    en: ['operating cash flows?', 'cash flows? from operating activities', 'net cash (?:provided by|generated from|from) operating activities', 'cash flows? from operations'],
    zh: ['经营活动产生的现金流量净额', '经营活动现金流', '经营性现金流', '经营现金流', '运营现金流'],
  },
  { key: 'free_cash_flow', kind: 'amount', en: ['free cash flows?'], zh: ['自由现金流'] },
  { key: 'capex', kind: 'amount', en: ['capital expenditures?', 'capex'], zh: ['资本开支', '资本支出', '资本性支出'] },
  {
    key: 'cash',
    kind: 'amount',
    balance: true,
    en: [
      'cash, cash equivalents(?:,)? and short-term investments',
      'cash and cash equivalents(?: and short-term (?:investments|deposits))?',
      'cash and investments',
      'cash and short-term investments',
      'cash position',
    ],
    zh: ['现金及现金等价物', '现金及等价物', '现金和现金等价物', '现金储备', '账上现金'],
  },
  // Cost of revenue lines (Kingsoft: "IDC costs decreased ... to RMB 860.7 million").
  { key: 'idc_costs', kind: 'amount', group: 'cost', en: ['idc costs?'], zh: ['IDC成本'] },
  { key: 'bandwidth_costs', kind: 'amount', group: 'cost', en: ['bandwidth costs?'], zh: ['带宽成本'] },
  {
    key: 'depreciation_amortization_costs',
    kind: 'amount',
    group: 'cost',
    en: ['depreciation and amortization costs?', 'depreciation and amortisation costs?'],
    zh: ['折旧及摊销成本', '折旧和摊销成本', '折旧摊销成本'],
  },
  {
    key: 'solution_development_costs',
    kind: 'amount',
    group: 'cost',
    en: ['solution developments? and services? costs?', 'solution development costs?'],
    zh: ['解决方案开发及服务成本', '解决方案开发成本'],
  },
  { key: 'fulfillment_costs', kind: 'amount', group: 'cost', en: ['fulfill?ment costs?'], zh: ['履约成本'] },
  { key: 'content_costs', kind: 'amount', group: 'cost', en: ['content costs?'], zh: ['内容成本'] },
  { key: 'other_costs', kind: 'amount', group: 'cost', en: ['other costs?'], zh: ['其他成本'] },
];

/**
 * Terms that contain a metric word but are no company metric: a customer's share of revenue
 * (`第一大客户收入占比…约16%`), the revenue mix, revenue per contract. Matched like metric
 * terms, so the longest match takes the words away from `revenue`/`收入`, and the figures
 * near them are not attached to anything.
 */
export const NOT_METRICS: { en: readonly string[]; zh: readonly string[] } = {
  en: [
    'revenue shares?',
    'shares? of (?:our )?revenues?',
    'revenue mix',
    'revenues? per (?:transaction|contract|customer|user)',
    'revenues? growth rate',
    'origination revenues?',
    // A retention rate, not revenue: "Net revenue retention among our largest customers remained
    // above the company average, and … usage grew 27% year-over-year" gave revenue a 27% change.
    '(?:net )?revenue retention(?: rates?)?',
    'cost actions?',
    'cost structure',
    'cost reduction',
    'cost control',
    'cost optimization',
    'acquisition costs?',
    'maintenance costs?',
    'cash control',
    'cash flow generation',
  ],
  zh: ['收入占比', '营收占比', '收入结构', '收入利润结构', '收入增速', '营收增速', '成本优化', '降本', '收入事宜', '收入留存率', '净收入留存率'],
};

/**
 * Bases, as prefixes of a metric term (`normalized adjusted EBITDA margin`, `调整后毛利率`,
 * `常态化调整后的EBITDA率`). Longest first.
 */
export const BASES: ReadonlyArray<{ basis: Basis; en: readonly string[]; zh: readonly string[] }> = [
  { basis: 'normalized adjusted', en: ['normalized adjusted', 'normalised adjusted'], zh: ['常态化调整后的', '常态化调整后', '常态化经调整'] },
  { basis: 'non-gaap', en: ['non-gaap', 'non gaap'], zh: ['非公认会计准则下的', '非公认会计准则', '非国际财务报告准则', '非通用会计准则'] },
  { basis: 'adjusted', en: ['adjusted'], zh: ['调整后的', '调整后', '经调整的', '经调整'] },
];

/**
 * Words allowed between a basis or the start of a clause and the metric term without
 * qualifying it: `our total adjusted operational expenses`, `公司收入`, `本季度实现收入`; the
 * conjunction between two terms (`履约成本和其他成本`, "fulfillment costs and other costs").
 */
export const NEUTRAL_PREFIX = {
  en: ['our', 'the', 'its', 'total', 'consolidated', 'overall', 'group', 'company', 'quarterly', 'net', 'and', 'of', 'with', 'a', 'an', 'record', 'this', 'that', 'reported', 'gaap'],
  zh: ['公司', '集团', '我们的', '我们', '那', '那么', '整体', '总体', '合计', '总', '实现', '录得', '本季度', '本季', '当季', '其中', '那个', '这个', '呃', '啊', '整个的', '整个', '就是', '的', '以及', '和', '及', '与'],
};

/**
 * Segment suffixes: `public cloud services` is the segment `public cloud`, `IMT segment` is
 * `IMT`, `金融科技及企业服务业务` is `金融科技及企业服务`.
 */
export const SEGMENT_SUFFIX = { en: '(?:services?|business(?:es)?|segment|solutions?)', zh: ['业务', '板块', '分部', '服务'] };

/** Where a speaker turns to a segment: "In terms of public cloud services,", "Moving on to enterprise cloud services." */
export const TOPIC_MARKERS = {
  en: ['in terms of', 'moving on to', 'turning to', 'turning now to', 'as for', 'with regard to', 'regarding', 'for'],
  /** `公有云方面，本季度实现收入…`, `行业云业务方面`. */
  zh: ['方面', '板块方面', '业务方面'],
};

/**
 * Chinese topics that turn to a metric, not to a segment, besides the metric terms themselves:
 * `营收方面，本季度公司实现收入…`, `费用方面，…`.
 */
export const METRIC_TOPICS = { zh: ['费用', '成本', '利润', '盈利', '盈利能力', '现金流', '现金', '毛利'] };

/** A few segment names in both languages, used when the text does not pair them itself. */
export const SEGMENT_GLOSSARY: ReadonlyArray<{ zh: string; en: string }> = [
  { zh: '公有云', en: 'public cloud' },
  { zh: '行业云', en: 'enterprise cloud' },
  { zh: '企业云', en: 'enterprise cloud' },
  { zh: '私有云', en: 'private cloud' },
];

/** Words that open a change: a % or pp right after them is a change, not a level. */
export interface DeltaCue {
  en: readonly string[];
  zh: readonly string[];
  /** +1 up, -1 down, 0 "narrowed": towards zero, its sign set by the value it narrows. */
  direction: 1 | -1 | 0;
}

export const DELTA_CUES: readonly DeltaCue[] = [
  {
    direction: 1,
    en: ['increased', 'increase', 'increasing', 'increases', 'grew', 'grow', 'growth', 'growing', 'up', 'rose', 'rising', 'improved', 'improvement', 'improving', 'expanded', 'expansion', 'higher', 'gain', 'jumped'],
    zh: ['同比增长', '环比增长', '同比增加', '环比增加', '同比上升', '同比提升', '增长了', '增长', '增加了', '增加', '上升', '提升了', '提升', '提高了', '提高', '上涨', '升', '增'],
  },
  {
    direction: -1,
    en: ['decreased', 'decrease', 'decreasing', 'decreases', 'declined', 'decline', 'declining', 'down', 'dropped', 'drop', 'fell', 'reduced', 'reduction', 'lower', 'contracted'],
    zh: ['同比下降', '环比下降', '同比减少', '环比减少', '下降了', '下降', '减少了', '减少', '降低了', '降低', '下滑', '降', '减'],
  },
  { direction: 0, en: ['narrowed', 'narrowing', 'narrow'], zh: ['缩窄了', '缩窄', '收窄了', '收窄', '减亏'] },
];

/**
 * Words right after a figure that make it a change and give its direction, when what follows
 * names what it is measured against: "0.4 percentage points lower than the same quarter last
 * year", "2% above the previous quarter", "5% down from a year ago". Without the comparison
 * ("45% above our target") only a `pp` figure, a change already, takes the direction.
 */
export const DELTA_CUES_AFTER: readonly DeltaCue[] = [
  { direction: 1, en: ['higher', 'greater', 'more', 'above', 'up'], zh: [] },
  { direction: -1, en: ['lower', 'less', 'below', 'down'], zh: [] },
];

/**
 * A change said as a noun after its figure, with its metric after "in"/"of": "a 5.7% sequential
 * growth in revenue", "a 12% decline of net income", "a 2.1 percentage point improvement in
 * gross margin". The figure is a change whatever comes before it, and its term is the one after.
 */
export const DELTA_NOUNS_AFTER: readonly DeltaCue[] = [
  { direction: 1, en: ['growth', 'increase', 'rise', 'gain', 'improvement', 'expansion'], zh: [] },
  { direction: -1, en: ['decrease', 'decline', 'drop', 'reduction', 'contraction'], zh: [] },
];

/** What follows an after-figure cue when the figure is a change: "than", "from", a period or basis word. */
export const CUE_AFTER_COMPARED = {
  en: /^\s+(?:than|from|compared|versus|vs\.?|over|on|against|year|quarter|sequentially|the same|the (?:prior|previous|preceding)|last|a year)\b/i,
};

/** Adverbs and little words allowed between a cue and its figure: "decreased significantly by", "大幅缩窄". */
export const CUE_GAP = { en: /^\s*(?:(?:significantly|largely|sharply|slightly|substantially|further|strongly|approximately|about|around|roughly|nearly|only|a|an|of|by|significant|strong|solid|robust|notable|healthy|modest|year-over-year|yoy)\s+)*(?:by|of)?\s*$/i, zh: /^(?:了|约|近|超|大幅|显著|分别|达|为)*$/ };

/** Comparison words: the figure right after them is the earlier period's value. */
export const COMPARISON = {
  en: /(?:\bfrom|\bcompared (?:with|to)|\bversus|\bvs\.?|\bagainst|\bup from|\bdown from)\s+(?:the\s+|a\s+|an\s+)?$/i,
  zh: /(?:较|比|相比|相较于?|从|由)(?:了)?$/,
};

/** Words for "year over year" and "quarter over quarter" themselves, apart from period phrases. */
export const DELTA_BASIS_WORDS: ReadonlyArray<{ basis: DeltaBasis; en: readonly string[]; zh: readonly string[] }> = [
  { basis: 'yoy', en: ['year-over-year', 'year over year', 'year-on-year', 'yoy', 'y/y', 'annually'], zh: ['同比'] },
  { basis: 'qoq', en: ['quarter-over-quarter', 'quarter over quarter', 'quarter-on-quarter', 'qoq', 'q/q', 'sequentially', 'sequential'], zh: ['环比'] },
  { basis: 'hoh', en: ['half-over-half', 'half-on-half'], zh: ['半年环比'] },
];

/**
 * Markers after which figures in the same clause are not the company's reported results:
 * guidance, targets and consensus estimates (`预估1.52万亿元台币`, "the high end of our outlook
 * range for IMT segment EBITDA of $121 million", "We expect Mortgages segment revenue to be
 * between $15 million and $20 million"). Scope: to the end of the sentence in English; in
 * Chinese to the next `，` when a figure follows the word (`预估345亿元新台币，同比增长6.1%`: the
 * change is reported again), else to the next `；。` (`預計毛利率將…保持相對平穩，約為46%`).
 */
export const NOT_REPORTED = {
  en: ['expect', 'expects', 'expected', 'expectations?', 'outlook', 'guidance', 'guide', 'target', 'targets', 'targeting', 'goal', 'estimated?', 'estimates', 'consensus', 'forecasts?', 'projected', 'anticipate', 'will be', 'would be', 'plan to', 'aim to', 'keep'],
  zh: ['预计', '预期', '预估', '估计', '目标', '指引', '前值', '初值', '终值', '有望', '计划', '将达', '力争', '預計', '預期', '預估', '估計', '目標', '計劃', '展望'],
};

/**
 * Marks a figure that belongs to something other than the company's result: a saving, a
 * contract size, a customer's revenue ("total revenues from Kingsoft Group", `来自…的收入`),
 * a share buy-back. Checked in the clause before the figure (and after it for `per`).
 */
/**
 * A count noun right after a number said without a currency: `营收主要来自3000万用户` counts
 * users, not yuan ("3 million users", `80余家单位`). A plain scaled number is an amount only
 * without one (`营收大概是12.3亿`).
 */
export const COUNT_AFTER = new RegExp(
  '^\\s*(?:多|余|餘)?(?:新增?|付费|付費|活跃|活躍|注册|註冊|日活|月活|累计|累計)?' +
    '(?:名|位|个|個|家|户|戶|人|台|件|次|款|项|項|座|辆|輛|部|吨|噸|笔|筆|套|张|張|份|条|條|只|箱|单|單|用户|用戶|客户|客戶|员工|員工|会员|會員|单位|單位|订单|訂單|交易|' +
    '(?:(?:new|active|paying|monthly|daily|registered|unique|total|additional|net|existing|enterprise)\\s+)*' +
    '(?:users?|customers?|clients?|people|subscribers?|members?|employees?|merchants?|sellers?|drivers?|riders?|devices?|households?|accounts?|downloads?|installs?|visitors?|visits?|orders?|units?|vehicles?|cars?|tons?|tonnes?|transactions?|shipments?|trips?|rides?|deliveries|listings?|properties|homes|stores?|sessions?|hours?|minutes?|views?|impressions?|seats?|licenses?|apps?|MAUs?|DAUs?)\\b)',
  'i',
);

export const NOT_A_RESULT = {
  /**
   * Right after the figure: "RMB 8 million per contract", "每个合同"; not a period: "compared
   * with $90.9 million a year ago".
   */
  after: { en: /^\s*(?:per|a|each)\s+(?!share\b|ads\b|diluted\b|basic\b|year\s+(?:ago|earlier|before)\b)[a-z]+/i, zh: /^(?:\/|每)/ },
  /** Before the figure in its clause: savings, contracts. */
  before: {
    en: /\b(?:savings?|saves?|saved|contracts?|deal size|order|repurchases?|buybacks?|tam|addressable market)\b/i,
    zh: /节省|节约|合同|订单|回购|签约额/,
  },
};

/** Bounds are not values: "above 20%", "more than 50", `超15%`, `以上`. A change may be a bound ("more than three times"). */
export const BOUND_WORDS = /^(?:above|over|more than|at least|below|under|less than|nearly|almost|超过?|以上|逾|不到|不足|近)$/i;

/** "…, respectively", `分别为…`: terms and figures pair in order. */
export const RESPECTIVELY = { en: /\brespectively\b/i, zh: /分别/ };

/** "36% of revenue": a ratio of the amount before it. */
export const OF_REVENUE = { en: /^\s*of\s+(?:total\s+|net\s+)?revenues?\b/i, zh: /^(?:的)?(?:营收|收入)(?:占比)?/ };

/** Chinese speakers say 毛利 for 毛利率 when the figure is a bare decimal: `公有云毛利…从去年同期的负二点四，现在已经是正的五点二了`. */
export const SPOKEN_RATIO_TERMS = ['毛利', '经营利润', '净利', '净利润'];

/** Briefings: a company is named at the start of an item, before its figures (`腾讯控股发布财报，第二季度营收…`). */
export const ENTITY_LEAD = {
  /** Item markers stripped first: `2、`, `**`, `【…】`. */
  strip: /^(?:\s|\d{1,3}、|\*+|#+|【[^】]*】|[-•·])+/,
  /** What ends the name: a reporting verb, a period word, a metric term (checked separately). */
  stop: /发布|公布|披露|宣布|财报|业绩|(?:\d{4}年)|第?[一二三四1-4]季度|[上下]半年|前三季度|全年|第[一二三四1-4]财季|本季度/,
};

/** Hedge words that leave a figure approximate: they come from the quantity stage's `approx`. */
export type { Basis };
