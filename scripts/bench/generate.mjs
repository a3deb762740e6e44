// Writes the benchmark corpus of issue 6: synthetic earnings calls, ~50 KB each, half
// bilingual in the transcript-site layout (page furniture, `Name (Title)` headers, spaced-out
// Chinese speech recognition with Chinese numerals, an anonymous interpreter rendering each
// Chinese turn sentence by sentence with the same figures, an English CFO review, Q&A where
// analysts ask in English or in Chinese and then translate themselves) and half English in
// the Refinitiv layout (participant lists, PRESENTATION / QUESTIONS AND ANSWERS, name line and
// `Company - Title` line, lines hard-wrapped at ~140 characters, blocks split by a line of one
// space). Deterministic: the same seed writes the same files.
//
// Calibrated against two real calls (../shared/corpus: Kingsoft Cloud Q2 2023, bilingual;
// Zillow Q3 2022, English) so that the benchmark measures ecall on calls that look like real
// ones, not on the generator's repetitions. The previous generator had its CFO say "Revenue was
// $X million, up Y%" ~70 times with 70 random values and repeated one segment template ~40
// times, so most sentences were exact repeats and the facts and checks per call were several
// times a real call's. Now each call has one quarter with its comparison periods and one
// consistent set of figures (segment revenues and gross profits add up to the totals, cost lines
// to cost of revenue, expense lines to operating expenses, margins are profit over revenue,
// changes follow from the values), each said once or twice (the Chinese executive rounds to 亿,
// the interpreter says the same, the CFO the exact value) amid prose drawn from a grammar of
// sentence templates with slots (segments, products, regions, customer types, initiatives, time
// expressions). Per-call statistics (sentences split by ecall; "with figures": a digit or a
// Chinese numeral; "repeated": exact text said earlier in the call; facts, checks and pairs as
// `ecall analyze` finds them); the generated rows are calls 0-5 of seed 20230822:
//
//                          chars  turns  sentences/10K  with figures  repeated  quantities/10K  facts  checks  pairs
//   kingsoft (bilingual)   43.8K   37     87             28%            5%       52              40     34      9
//   zillow (English)       55.8K   44     75             20%            3%       28               7      1      0
//   old generator, bil.    40.0K   90    109             40%           57%       96              69    176     42
//   old generator, Eng.    49.2K   75     88             17%           82%       58             135      0      0
//   this generator, bil.   35-37K  31-34  88-93          24-25%        1-2%      33-37           41-43  32-37  11-12
//   this generator, Eng.   50-53K  39-45  80-82          20-22%        3-4%      28-29           18-19  5-6     0
//
// (bilingual files are 42-50 KB of UTF-8: a Chinese character is three bytes.)
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

// ---------------------------------------------------------------------------------------------
// Numbers in both languages.

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
/** 2023 → 二零二三 */
const zhYear = (y) => String(y).split('').map((d) => DIGITS[Number(d)]).join('');
const round1 = (x) => Math.round(x * 10) / 10;
const round2 = (x) => Math.round(x * 100) / 100;
/** 1835.4 → 1,835.4 (always one decimal). */
const fmtM = (x) => x.toFixed(1).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const abs = Math.abs;

/** An amount in millions as a Chinese executive says it (亿 rounded to three figures) and as the interpreter renders that. */
function zhYi(m) {
  const yi = m >= 1000 ? round1(m / 100) : round2(m / 100);
  const said = Math.round(yi * 100); // millions
  const en = said >= 1000 ? `RMB ${String(round2(said / 1000))} billion` : `RMB ${said} million`;
  return [`${zhDecimal(yi)}亿元`, en];
}
const zhPct = (p) => (p < 0 ? `负的百分之${zhDecimal(abs(p))}` : `百分之${zhDecimal(p)}`);
const enPct = (p) => (p < 0 ? `negative ${abs(p)}%` : `${p}%`);
const rmb = (m) => (m < 0 ? `negative RMB ${fmtM(-m)} million` : `RMB ${fmtM(m)} million`);
const usd = (m) => (m < 0 ? `negative ${usd(-m)}` : m >= 1000 ? `$${round2(m / 1000)} billion` : `$${fmtM(m)} million`);

// ---------------------------------------------------------------------------------------------
// The grammar: `[a|b]` picks one alternative, `{slot}` one value of the slot, `{^slot}` with a
// capital. A bilingual template is a [Chinese, English] pair whose slots hold [zh, en] pairs, one
// choice serving both languages, so the interpreter says what the executive said.

const pick = (r, xs) => xs[Math.floor(r() * xs.length)];
const int = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
/** "we saw" after "So, ": a capital goes, except in "I", acronyms and names the templates open with. */
const lower = (s) => (/^[A-Z][a-z]/.test(s) && !/^(?:Jiangsu|Zhejiang|Guangdong|Sichuan|Shandong|Hubei|Chongqing|Tianjin|Fujian|Shaanxi|Anhui|Henan|North|Europe|Japan|Australia|Latin|Germany|Canada|India|France|Southeast)\b/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);
const owns = (name) => (name.endsWith('s') ? `${name}'` : `${name}'s`);
const choose = (r, s) => s.replace(/\[([^[\]]*)\]/g, (_, alts) => pick(r, alts.split('|')));

/** A slot is a list to pick from, a function to call, or one fixed value. */
function slotValue(r, slots, k) {
  const v = slots[k];
  if (v === undefined) throw new Error(`no slot ${k}`);
  return typeof v === 'function' ? v() : Array.isArray(v) ? pick(r, v) : v;
}

/** `{cust2}` differs from `{cust}` in one sentence. */
function distinct(r, slots, k, chosen) {
  let v = slotValue(r, slots, k);
  const twin = k.endsWith('2') ? chosen.get(k.slice(0, -1)) : undefined;
  for (let i = 0; twin !== undefined && String(v) === String(twin) && i < 10; i++) v = slotValue(r, slots, k);
  chosen.set(k, v);
  return v;
}

function fillEn(r, tpl, slots) {
  const chosen = new Map();
  return cap(choose(r, tpl)).replace(/\{(\^?)(\w+)\}/g, (_, c, k) => {
    const v = distinct(r, slots, k, chosen);
    return c ? cap(v) : v;
  });
}

function fillPair(r, [zt, et], slots) {
  const chosen = new Map();
  const get = (k) => {
    return chosen.has(k) ? chosen.get(k) : distinct(r, slots, k, chosen);
  };
  const zh = choose(r, zt).replace(/\{\^?(\w+)\}/g, (_, k) => get(k)[0]);
  const en = choose(r, et).replace(/\{(\^?)(\w+)\}/g, (_, c, k) => (c ? cap(get(k)[1]) : get(k)[1]));
  return [zh, en];
}

/** Draws sentences without repeating one within a call (a few tries, then it lets a repeat through). */
function sayer() {
  const used = new Set();
  return (gen) => {
    let s;
    for (let i = 0; i < 12; i++) {
      s = gen();
      if (!used.has(Array.isArray(s) ? s[1] : s)) break;
    }
    used.add(Array.isArray(s) ? s[1] : s);
    return s;
  };
}

/**
 * Picks templates from a list the way a speaker varies them: one that states a figure (a slot
 * in `figures`) at most once a call, since a real call states a figure once; any other at most
 * `max` times.
 */
const FIGURE_SLOT = /\{\^?(?:tens|hundreds|pctSmall|k|pct|mn|n|kpi\w*|fig\w*)\}/;
function deck(r, templates, max = 4) {
  const left = new Map(templates.map((t) => [t, FIGURE_SLOT.test(Array.isArray(t) ? t[1] : t) ? 1 : max]));
  return () => {
    const open = templates.filter((t) => left.get(t) > 0);
    const t = pick(r, open.length > 0 ? open : templates);
    left.set(t, left.get(t) - 1);
    return t;
  };
}

// Vocabulary shared by the Chinese templates, as [zh, en] pairs.
const CUST = [['金融', 'financial services'], ['医疗', 'healthcare'], ['政务', 'government'], ['制造', 'manufacturing'], ['能源', 'energy'], ['交通', 'transportation'], ['教育', 'education'], ['零售', 'retail'], ['游戏', 'gaming'], ['汽车', 'automotive'], ['互联网', 'internet'], ['传媒', 'media']];
const REGION = [['江苏', 'Jiangsu'], ['浙江', 'Zhejiang'], ['广东', 'Guangdong'], ['四川', 'Sichuan'], ['山东', 'Shandong'], ['湖北', 'Hubei'], ['重庆', 'Chongqing'], ['天津', 'Tianjin'], ['福建', 'Fujian'], ['陕西', 'Shaanxi'], ['安徽', 'Anhui'], ['河南', 'Henan']];
const PRODUCT = [['分布式数据库', 'distributed database'], ['对象存储', 'object storage'], ['大模型训练平台', 'model training platform'], ['视频云', 'video cloud'], ['容器平台', 'container platform'], ['数据湖', 'data lake'], ['智能客服', 'intelligent customer service'], ['边缘节点', 'edge computing nodes'], ['安全网关', 'security gateway'], ['算力调度平台', 'computing power scheduling platform'], ['低代码平台', 'low-code platform'], ['混合云管理平台', 'hybrid cloud management platform']];
const INIT = [['持续优化客户结构', 'optimise our customer mix'], ['主动收缩低毛利的业务', 'scale back low-margin business'], ['加大研发投入', 'step up our investment in research and development'], ['推进降本增效', 'push ahead with cost reduction and efficiency'], ['深化与生态伙伴的合作', 'deepen our cooperation with ecosystem partners'], ['完善交付体系', 'improve our delivery system'], ['强化项目筛选', 'tighten our project selection'], ['提升资源利用率', 'raise the utilisation of our resources'], ['聚焦核心行业', 'focus on our core industries'], ['加强回款管理', 'strengthen our management of collections'], ['推动产品标准化', 'make our products more standardised'], ['提高交付效率', 'deliver projects more efficiently']];
const TIME = [['本季度', 'this quarter'], ['今年以来', 'since the beginning of the year'], ['过去几个季度', 'over the past few quarters'], ['近期', 'recently'], ['报告期内', 'during the reporting period']];
const OUTCOME = [['客户反馈良好', 'customer feedback has been good'], ['运行稳定', 'it has been running stably'], ['获得了客户的高度认可', 'it has won strong recognition from the customer'], ['为后续扩容打下了基础', 'this lays the groundwork for further expansion'], ['成为当地的标杆项目', 'it has become a flagship project in the region']];
const ATTR = [['性能', 'performance'], ['稳定性', 'stability'], ['易用性', 'ease of use'], ['安全性', 'security'], ['兼容性', 'compatibility']];
const FACILITY = [['数据中心', 'data centre'], ['算力节点', 'computing node'], ['可用区', 'availability zone']];
const PHASE = [['一期', 'first phase'], ['二期', 'second phase']];
const RENEW = [['续约率', 'renewal rate'], ['复购率', 'repeat purchase rate'], ['客户满意度', 'customer satisfaction']];

// What the chief executive says between figures, and the interpreter's English for it.
const CEO_PROSE = [
  ['{time}，我们{init}，{init2}。', '{^time}, we worked to {init} and {init2}.'],
  ['在{cust}领域，我们为{region}的客户部署了{product}，{outcome}。', 'In {cust}, we deployed our {product} for a customer in {region}, and {outcome}.'],
  ['{product}的用户规模{time}[稳步|持续]增长，带动了相关业务的发展。', 'The user base of our {product} grew steadily {time}, which drove the related business.'],
  ['我们与{region}的{cust}客户签署了战略合作协议，共同建设{product}。', 'We signed a strategic cooperation agreement with a {cust} customer in {region} to jointly build a {product}.'],
  ['技术方面，我们发布了新版本的{product}，{attr}明显提升。', 'On the technology side, we released a new version of our {product} with clearly better {attr}.'],
  ['我们在{region}新增了{facility}，服务能力进一步增强。', 'We added a new {facility} in {region}, which further strengthens our service capability.'],
  ['{time}，{cust}行业新签客户{tens}余家。', '{^time}, we signed more than {tens} new customers in {cust}.'],
  ['目前，{product}已经服务超过{hundreds}家企业客户。', 'Our {product} now serves more than {hundreds} enterprise customers.'],
  ['我们继续坚持以客户为中心，[打磨|优化]产品和服务，{init}。', 'We remain customer-centric, keep refining our products and services, and continue to {init}.'],
  ['面向{cust}行业，我们推出了基于{product}的专属解决方案。', 'For the {cust} industry, we launched a dedicated solution built on our {product}.'],
  ['{region}的{product}项目已完成{phase}建设，{outcome}。', 'The {phase} of the {product} project in {region} has been completed, and {outcome}.'],
  ['大模型带来的算力需求[十分|非常]旺盛，我们[积极|提前]布局了{product}。', 'Demand for computing power from large models is very strong, and we positioned our {product} early.'],
  ['我们严格控制各项费用，{init}，经营效率持续改善。', 'We kept expenses under strict control and worked to {init}, and our operating efficiency kept improving.'],
  ['同时，我们[主动|坚决]清退了部分长期亏损的{cust}项目。', 'Meanwhile, we exited some long-term loss-making {cust} projects.'],
  ['{cust}客户对{product}的需求不断增加，{renew}保持在较高水平。', 'Demand for our {product} from {cust} customers keeps rising, and the {renew} remains high.'],
  ['我们的{product}通过了行业权威机构的评测，{attr}处于领先水平。', 'Our {product} passed an evaluation by a leading industry body, with {attr} among the best in the market.'],
  ['研发人员占员工总数的比例达到{pctSmall}。', 'R&D staff now make up {pctSmall} of our total headcount.'],
  ['{region}{cust}云平台上线以来，已接入{tens}余家单位。', 'Since the {cust} cloud platform in {region} went live, more than {tens} institutions have joined it.'],
  ['我们把{product}和{product2}打通，为客户提供统一的使用体验。', 'We connected our {product} with our {product2} to give customers a single experience.'],
  ['在{region}，我们与当地合作伙伴联合交付了多个{cust}项目。', 'In {region}, we delivered several {cust} projects together with local partners.'],
  ['展望未来，我们将继续{init}，为股东创造长期价值。', 'Looking ahead, we will continue to {init}, creating long-term value for shareholders.'],
  ['在人才方面，我们引进了[多名|一批]资深的技术专家。', 'On talent, we brought in a group of senior technical experts.'],
  ['我们也高度重视ESG，{time}数据中心的能耗[持续|进一步]下降。', 'We also take ESG seriously, and energy consumption in our data centres kept falling {time}.'],
  ['{cust}行业的数字化需求依然旺盛，我们的{product}在这个领域有很好的口碑。', 'Digital transformation demand in {cust} remains strong, and our {product} has a good reputation there.'],
  ['我们坚持做有质量的收入，不追求短期的规模。', 'We insist on quality revenue rather than short-term scale.'],
  ['{time}，{product}的交付周期明显缩短，客户满意度随之提升。', '{^time}, delivery times for our {product} shortened noticeably, and customer satisfaction rose with them.'],
  ['在{region}，我们中标了当地{cust}主管部门的云平台项目。', 'In {region}, we won a cloud platform tender from the local {cust} authority.'],
  ['我们和高校、科研机构合作，共同推动{product}相关技术的研究。', 'We are working with universities and research institutes on the technology behind our {product}.'],
  ['随着{product}的规模化应用，单位成本还有下降的空间。', 'As our {product} is used at scale, its unit cost still has room to fall.'],
  ['面对复杂的外部环境，我们保持战略定力，稳扎稳打。', 'In a complex external environment, we are keeping our strategic focus and moving step by step.'],
  ['我们的团队在{region}和{region2}都建立了本地化的服务能力。', 'Our team has built local service capabilities in both {region} and {region2}.'],
  ['{cust}客户开始把核心系统迁移到我们的{product}上，这说明客户对我们的信任在加深。', '{^cust} customers have started moving core systems onto our {product}, which shows their growing trust in us.'],
  ['我们也在探索{product}和大模型的结合，帮助客户提高效率。', 'We are also exploring how to combine our {product} with large models to help customers work more efficiently.'],
  ['对于新项目，我们会综合评估回报和风险，再决定是否投入。', 'For new projects, we weigh the return against the risk before deciding whether to commit.'],
  ['我们在{cust}领域的方法论已经比较成熟，可以在更多省份复制。', 'Our approach in {cust} is now mature enough to be replicated in more provinces.'],
  ['今年以来，我们累计发布了{tens}余项产品功能更新。', 'Since the start of the year, we have released more than {tens} product feature updates.'],
  ['我们的运维团队实现了全年无重大故障，服务可用性保持在很高的水平。', 'Our operations team has had no major incident this year, and service availability has stayed very high.'],
  ['通过自研的调度系统，我们的服务器利用率有了明显提高。', 'With our in-house scheduling system, server utilisation has risen markedly.'],
];

// ---------------------------------------------------------------------------------------------
// People and companies.

const FAMILY = ['Zhang', 'Wang', 'Li', 'Zhao', 'Chen', 'Liu', 'Yang', 'Huang', 'Zhou', 'Wu', 'Xu', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo', 'He', 'Lin', 'Luo', 'Gao', 'Song', 'Tang'];
const GIVEN = ['Wei', 'Tao', 'Lei', 'Jing', 'Hui', 'Min', 'Yan', 'Jun', 'Fang', 'Hao', 'Xin', 'Ying', 'Bo', 'Lan', 'Qiang', 'Rui', 'Yu', 'Ning', 'Kai', 'Shan', 'Xiaodan', 'Yiming'];
const FIRST = ['Michael', 'Sarah', 'David', 'Emily', 'James', 'Laura', 'Brian', 'Rachel', 'Kevin', 'Megan', 'Daniel', 'Julia', 'Mark', 'Anna', 'Steven', 'Claire', 'Eric', 'Nina', 'Peter', 'Grace'];
const LAST = ['Parker', 'Hughes', 'Bennett', 'Coleman', 'Reyes', 'Fischer', 'Murphy', 'Sanders', 'Walsh', 'Brooks', 'Keller', 'Foster', 'Hayes', 'Doyle', 'Porter', 'Meyer', 'Barnes', 'Nolan', 'Ortiz', 'Sutton'];
const BANKS = [['中金', 'CICC'], ['中信证券', 'CITIC Securities'], ['华泰证券', 'Huatai Securities'], ['招商证券', 'China Merchants Securities'], ['海通国际', 'Haitong International'], ['国泰君安', 'Guotai Junan']];
const US_BANKS = ['Morgan Stanley', 'Goldman Sachs', 'J.P. Morgan', 'UBS', 'Citi', 'BofA Securities', 'Jefferies', 'Deutsche Bank', 'Macquarie', 'Bernstein', 'Barclays', 'RBC Capital Markets', 'KeyBanc Capital Markets', 'Piper Sandler'];
const ZH_COMPANIES = [['Lanting Data', '兰亭数据'], ['Qinghe Cloud', '清河云'], ['Yuechuan Tech', '越川科技'], ['Fenghua Digital', '风华数字'], ['Beicheng Storage', '北辰存储'], ['Xinghai Cloud', '星海云'], ['Jinghong Intelligence', '景鸿智能'], ['Songtao Networks', '松涛网络']];
const EN_COMPANIES = ['Harborline Networks', 'Jadeport Systems', 'Cedarbrook Software', 'Northpeak Payments', 'Brightwater Analytics', 'Summitline Commerce', 'Ironleaf Security', 'Meadowlark Media'];
const ORD = ['first', 'second', 'third', 'fourth'];
const QEND = ['March 31', 'June 30', 'September 30', 'December 31'];
const CALL_MONTH = ['May', 'August', 'November', 'March'];
const ZH_SEGMENTS = [['公有云', 'public cloud'], ['行业云', 'enterprise cloud'], ['私有云', 'private cloud'], ['数据平台', 'data platform'], ['边缘计算', 'edge computing']];

function person(r, taken, firsts, lasts) {
  for (;;) {
    const name = `${pick(r, firsts)} ${pick(r, lasts)}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

function shuffle(r, xs) {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** Splits `total` into parts with the given weights, to one decimal, the last part taking the rounding. */
function split(total, weights) {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.slice(0, -1).map((w) => round1((total * w) / sum));
  parts.push(round1(total - parts.reduce((a, b) => a + b, 0)));
  return parts;
}
const change = (now, before) => round1((now / before - 1) * 100);

/**
 * One quarter's figures, in millions, consistent with each other: segment revenues add up to
 * the total, segment gross profits to the gross profit, cost lines to cost of revenue, expense
 * lines to operating expenses; the prior-year and prior-quarter values give the changes.
 */
function financials(r, nSeg, scale) {
  const segs = Array.from({ length: nSeg }, (_, i) => {
    const rev = round1(scale * (i === 0 ? 0.45 + r() * 0.25 : 0.12 + r() * 0.3));
    const py = round1(rev / (1 + (-0.15 + r() * 0.45)));
    const gmTarget = 3 + r() * 35;
    const gp = round1((rev * gmTarget) / 100);
    const gppy = round1((py * (gmTarget - 4 + r() * 6)) / 100);
    return { rev, py, g: change(rev, py), gp, gm: round1((gp / rev) * 100), gppy, gmpy: round1((gppy / py) * 100) };
  });
  const rev = round1(segs.reduce((a, s) => a + s.rev, 0));
  const py = round1(segs.reduce((a, s) => a + s.py, 0));
  const pq = round1(rev / (0.94 + r() * 0.1));
  const gp = round1(segs.reduce((a, s) => a + s.gp, 0));
  const gppy = round1(segs.reduce((a, s) => a + s.gppy, 0));
  const cor = round1(rev - gp);
  const corpy = round1(py - gppy);
  const costs = split(cor, [0.5 + r() * 0.1, 0.12 + r() * 0.05, 0.2 + r() * 0.08, 0.05 + r() * 0.03]);
  const costspy = costs.map((c) => round1(c / (1 + (-0.2 + r() * 0.3))));
  const opex = split(round1(rev * (0.18 + r() * 0.14)), [0.35 + r() * 0.1, 0.2 + r() * 0.1, 0.3 + r() * 0.1]);
  const opexpq = opex.map((c) => round1(c / (0.88 + r() * 0.2)));
  const opexTotal = round1(opex[0] + opex[1] + opex[2]);
  const opexTotalpq = round1(opexpq[0] + opexpq[1] + opexpq[2]);
  const ebitdaM = -8 + r() * 22;
  const ebitda = round1((rev * ebitdaM) / 100);
  const ebitdaMpy = round1(ebitdaM - 1 - r() * 6);
  const net = round1(ebitda - rev * (0.05 + r() * 0.05));
  return {
    segs, rev, py, pq, g: change(rev, py), gq: change(rev, pq), gp, gppy, gm: round1((gp / rev) * 100), gmpy: round1((gppy / py) * 100),
    cor, corpy, costs, costspy, opex, opexpq, opexTotal, opexTotalpq,
    ebitda, ebitdaM: round1((ebitda / rev) * 100), ebitdaMpy, net, netpy: round1(net - rev * (0.02 + r() * 0.05)),
    cash: round1(rev * (1.5 + r() * 2.5)), capex: round1(rev * (0.03 + r() * 0.08)), ocf: round1(rev * (-0.02 + r() * 0.12)),
  };
}

/** A quarter, its call date and its labels. */
function quarterOf(r, k) {
  const year = 2020 + (k % 6);
  const q = 1 + (Math.floor(k / 2) % 4);
  const callYear = q === 4 ? year + 1 : year;
  return { year, q, date: `${CALL_MONTH[q - 1]} ${int(r, 5, 28)}, ${callYear}`, ord: ORD[q - 1], next: q === 4 ? `first quarter of ${year + 1}` : `${ORD[q]} quarter of ${year}` };
}

// ---------------------------------------------------------------------------------------------
// Bilingual calls, transcript-site layout.

/** Speech recognition output: a space between Chinese characters, Latin words and figures kept whole. */
function asr(r, zh) {
  const loose = r() < 0.5;
  let s = zh.replace(/，/g, ',');
  if (!loose) s = s.replace(/。/g, '.').replace(/？/g, '?');
  const tokens = s.match(/[A-Za-z0-9][A-Za-z0-9.%&'-]*|\S/g) ?? [];
  return loose ? tokens.join(' ') : tokens.join(' ').replace(/ ([,.?])/g, '$1');
}

// Analysts' questions by topic, with the executives' answer sentences; `cfo` topics get an English word from the CFO.
const TOPICS = [
  {
    q: ['关于AI，想请问公司目前算力资源的储备情况，以及客户需求有什么变化？', 'On AI, could you share where your computing capacity stands and how customer demand is changing?'],
    a: [
      ['大模型相关的需求确实非常旺盛，{time}来自{cust}行业的训练需求明显增加。', 'Demand related to large models is indeed very strong, and training demand from {cust} customers rose clearly {time}.'],
      ['我们提前做了算力储备，和主要的服务器厂商保持着密切的沟通。', 'We built up computing capacity early and we stay in close contact with the major server vendors.'],
      ['目前我们的{product}已经在支持多家客户的模型训练和推理。', 'Our {product} is already supporting model training and inference for several customers.'],
      ['对这块业务的毛利我们也保持审慎，不会为了规模去接低价的项目。', 'We stay prudent about the margins of this business, and we will not take low-priced projects just for scale.'],
      ['随着服务器陆续到货，相关的收入会逐步体现出来。', 'As servers are delivered over the coming months, the related revenue will gradually show up.'],
    ],
  },
  {
    q: ['{seg}业务未来几个季度的增长趋势，管理层怎么看？', 'How does management see the growth trend of the {seg} business over the next few quarters?'],
    a: [
      ['{seg}的结构调整已经基本接近尾声。', 'The structural adjustment in {seg} is essentially coming to an end.'],
      ['我们会继续聚焦高质量的客户和项目，{init}。', 'We will keep focusing on high-quality customers and projects, and we will {init}.'],
      ['{cust}和{cust2}行业的需求相对稳定，这是我们的基本盘。', 'Demand from {cust} and {cust2} has been relatively stable, and that is our core base.'],
      ['下半年随着新项目的落地，我们对增长还是比较有信心的。', 'As new projects go live in the second half, we are fairly confident about growth.'],
    ],
  },
  {
    q: ['毛利率已经连续几个季度改善，后续的毛利率趋势会怎么样？', 'Gross margin has improved for several quarters in a row, so what is the trend from here?'],
    a: [
      ['毛利率的改善主要来自收入结构的优化和成本的管控。', 'The margin improvement came mainly from a better revenue mix and tighter cost control.'],
      ['我们会继续{init}，提高资源的使用效率。', 'We will continue to {init} and to use our resources more efficiently.'],
      ['对于低毛利的项目，我们也在主动收缩。', 'We are also proactively scaling back low-margin projects.'],
      ['整体来看，我们希望毛利率保持稳步提升的态势。', 'Overall, we hope to keep margins on a steady upward path.'],
    ],
    cfo: true,
  },
  {
    q: ['公司什么时候能够实现经营层面的盈亏平衡？', 'When do you expect to break even at the operating level?'],
    a: [
      ['盈利是我们今年最重要的经营目标之一。', 'Profitability is our most important operating goal this year.'],
      ['从过去几个季度的趋势看，我们的亏损在持续收窄。', 'Judging by the trend of the past few quarters, our losses keep narrowing.'],
      ['我们会在保证增长质量的前提下，严格控制各项费用。', 'We will keep all expenses under strict control while protecting the quality of our growth.'],
    ],
    cfo: true,
  },
  {
    q: ['{cust}行业客户今年的IT预算有没有变化？', 'Have you seen any change this year in IT budgets from {cust} customers?'],
    a: [
      ['{cust}客户的预算整体比较稳定，但是决策周期有所拉长。', 'Budgets from {cust} customers are broadly stable, but decision cycles have become longer.'],
      ['我们在{region}的几个项目进展都比较顺利。', 'Several of our projects in {region} are progressing smoothly.'],
      ['客户更加看重投入产出比，这对我们的{product}是个机会。', 'Customers care more about return on investment, which is an opportunity for our {product}.'],
    ],
  },
  {
    q: ['下半年的资本开支会有怎样的变化？', 'How will capital expenditure change in the second half?'],
    a: [
      ['传统服务器的采购我们会继续保持审慎。', 'We will stay prudent on purchases of traditional servers.'],
      ['资金会优先投向高性能的算力设备。', 'Funds will go first to high-performance computing equipment.'],
      ['具体的节奏还要看服务器的交付时间。', 'The exact pace depends on when the servers are delivered.'],
    ],
    cfo: true,
  },
  {
    q: ['海外业务的拓展进展如何？', 'What progress have you made in expanding overseas?'],
    a: [
      ['海外市场我们采取稳健的策略，主要是跟随国内客户出海。', 'We take a steady approach overseas, mainly following our domestic customers abroad.'],
      ['我们已经在东南亚建设了新的{facility}。', 'We have built a new {facility} in Southeast Asia.'],
      ['{cust}和{cust2}是出海需求比较集中的行业。', '{^cust} and {cust2} are the industries where overseas demand is most concentrated.'],
    ],
  },
  {
    q: ['政务项目的回款情况怎么样？', 'How are collections from government projects going?'],
    a: [
      ['回款是我们非常重视的工作，{time}整体情况好于预期。', 'Collections are something we take very seriously, and {time} they were better than expected.'],
      ['我们在项目筛选阶段就会评估客户的付款能力。', 'We assess a customer\'s ability to pay already when we select projects.'],
      ['对于账期较长的项目，我们会更加谨慎。', 'We will be more careful with projects that have long payment terms.'],
    ],
  },
];
const MORE_TOPICS = [
  {
    q: ['最近行业里价格竞争比较激烈，公司会怎么应对？', 'Price competition in the industry has been intense recently. How will you respond?'],
    a: [
      ['我们不会参与单纯的价格战，而是靠产品和服务取胜。', 'We will not take part in a pure price war; we intend to win on product and service.'],
      ['{cust}客户更看重稳定性和交付能力，价格并不是唯一的因素。', 'Customers in {cust} care more about stability and delivery, and price is not the only factor.'],
      ['在{product}这类产品上，我们的成本优势还是比较明显的。', 'For products such as our {product}, our cost advantage is fairly clear.'],
      ['对于明显不赚钱的订单，我们会主动放弃。', 'We will walk away from business that clearly does not make money.'],
    ],
  },
  {
    q: ['第一大客户的收入占比还在下降，客户集中度未来会怎么变化？', 'Revenue from your largest customer keeps falling as a share of the total. How will customer concentration change?'],
    a: [
      ['客户结构的多元化是我们这几年一直在做的事情。', 'Diversifying our customer base is something we have been working on for years.'],
      ['中长尾客户的数量在持续增加，{time}新签了不少{cust}客户。', 'The number of mid-sized and smaller customers keeps rising, and we signed quite a few {cust} customers {time}.'],
      ['我们和大客户的合作关系依然很稳定。', 'Our relationship with our largest customers remains very stable.'],
      ['整体来看，收入结构会更加均衡、健康。', 'Overall, our revenue base will become more balanced and healthier.'],
    ],
  },
  {
    q: ['数据安全方面的政策对公司业务有什么影响？', 'How do data security regulations affect your business?'],
    a: [
      ['数据安全的要求越来越高，这对合规能力强的厂商是利好。', 'Data security requirements keep rising, which favours vendors with strong compliance capabilities.'],
      ['我们的{product}已经通过了多项安全认证。', 'Our {product} has already passed several security certifications.'],
      ['{cust}和{cust2}客户对这方面尤其重视。', 'Customers in {cust} and {cust2} pay particular attention to this.'],
    ],
  },
  {
    q: ['人员和费用方面，今年还有哪些优化的空间？', 'On headcount and expenses, how much room is left for optimisation this year?'],
    a: [
      ['我们的人员规模已经基本稳定，后续会更多依靠效率提升。', 'Our headcount has basically stabilised, and from here we will rely more on efficiency gains.'],
      ['研发投入会继续向大模型和核心产品倾斜。', 'R&D spending will continue to tilt towards large models and our core products.'],
      ['销售和管理费用我们会继续严格控制。', 'We will keep sales and administrative spending under strict control.'],
    ],
    cfo: true,
  },
];
const ZH_OPENERS = [
  ['我先回答一下，然后请{cfo}补充。', "I'll answer first, and then {cfo} can add to that."],
  ['好的，谢谢你的问题。', 'OK, thank you for your question.'],
  ['这个问题提得很好啊。', 'That is a very good question.'],
  ['关于你提到的这个问题，我简单说一下。', 'Let me briefly address the question you raised.'],
];
const ZH_CLOSERS = [
  ['以上是我的回答，谢谢。', "That's my answer. Thank you."],
  ['总体来讲，我们对未来还是很有信心的。', 'Overall, we remain confident about the future.'],
  ['我们会持续跟市场沟通这方面的进展。', 'We will keep the market updated on our progress here.'],
];
const HESITATE = ['呃，', '那么，', '其实', '这个，', '啊，'];

function bilingualCall(r, k) {
  const [company, companyZh] = pick(r, ZH_COMPANIES);
  const P = quarterOf(r, k);
  const taken = new Set();
  const ceo = person(r, taken, GIVEN, FAMILY);
  const cfo = person(r, taken, FIRST, FAMILY);
  const ir = person(r, taken, FIRST, FAMILY);
  const ceoTitle = pick(r, ['Chairman and CEO', 'Vice Chairman and CEO', 'CEO']);
  const interp = `Speaker ${pick(r, [2, 3, 5, 7])}`;
  const segs = shuffle(r, ZH_SEGMENTS).slice(0, int(r, 2, 3));
  const F = financials(r, segs.length, 600 + r() * 1800);
  const say = sayer();
  const slots = {
    cust: CUST, cust2: CUST, region: REGION, region2: REGION, product: PRODUCT, product2: PRODUCT, init: INIT, init2: INIT, time: TIME, outcome: OUTCOME, attr: ATTR, facility: FACILITY, phase: PHASE, renew: RENEW,
    tens: () => { const n = 10 * int(r, 1, 9); return [zhUnder10k(n), String(n)]; },
    hundreds: () => { const n = 100 * int(r, 1, 9); return [zhUnder10k(n), String(n)]; },
    pctSmall: () => { const n = int(r, 35, 75); return [`百分之${zhUnder10k(n)}`, `${n}%`]; },
    seg: segs, cfo: [[cfo.split(' ')[0], cfo.split(' ')[0]]],
  };
  // Spoken Chinese runs clauses together with commas; the interpreter splits them into sentences.
  const nextProse = deck(r, CEO_PROSE);
  const one = () => say(() => fillPair(r, nextProse(), slots));
  const unit = () => {
    const x = r();
    let [zh, en] = one();
    for (let n = x < 0.1 ? 0 : x < 0.6 ? 1 : 2; n > 0; n--) {
      const [z, e] = one();
      zh = zh.replace(/。$/, '，') + z;
      en = r() < 0.5 ? `${en.replace(/\.$/, '')}, and ${lower(e)}` : `${en} ${e}`;
    }
    return [zh, en];
  };
  const prose = (n) => Array.from({ length: n }, unit);
  const out = [];
  const turn = (who, ...paras) => out.push(`${who}\n\n${paras.join('\n\n')}\n`);
  const zhTurn = (pairs, hesitant = false) => {
    const zh = pairs.map(([z]) => (hesitant && r() < 0.35 ? pick(r, HESITATE) : '') + z);
    turn(`${ceo} (${ceoTitle})`, asr(r, zh.join('')));
    // The interpreter keeps the sentences, now and then in two paragraphs.
    const en = pairs.map(([, e]) => e);
    const cut = en.length > 5 && r() < 0.5 ? int(r, 2, en.length - 2) : en.length;
    turn(interp, ...[en.slice(0, cut).join(' '), en.slice(cut).join(' ')].filter(Boolean));
  };

  out.push(`${company} - Q${P.q} ${P.year}\n\n${P.date}\n\nTranscript\n`);
  turn('Operator (participant)', `Good day, and thank you for standing by. Welcome to ${owns(company)} ${P.ord} quarter ${P.year} earnings conference call. At this time, all participants are in listen-only mode. After the management's prepared remarks, there will be a question and answer session. ${pick(r, ['Please be advised that today\'s conference is being recorded.', 'Today\'s call is being recorded.'])} I would now like to hand the conference over to ${ir}, ${pick(r, ['Head of Investor Relations', 'IR Director'])}. Please go ahead.`);
  turn(`${ir} (${pick(r, ['Head of Investor Relations', 'IR Director', 'IR Manager'])})`,
    `Thank you, Operator. Hello, everyone, and welcome to our call. Our ${P.ord} quarter earnings release was published earlier today and can be found on our investor relations website. Joining me today are our ${ceoTitle}, Mr. ${ceo.split(' ')[1]}, and our CFO, ${cfo}. Mr. ${ceo.split(' ')[1]} will speak in Chinese, followed by an English interpretation, which is for convenience only. In case of any discrepancy, management's statement in the original language will prevail.`,
    `Before we begin, please note that today's discussion contains forward-looking statements, which are based on management's current expectations and involve risks and uncertainties that could cause actual results to differ materially. Further information on these risks is included in our filings with the U.S. SEC, and we undertake no obligation to update any forward-looking statement except as required by law. Unless otherwise stated, all figures mentioned on this call are in RMB. With that, I will turn the call over to Mr. ${ceo.split(' ')[1]}.`);

  // The chief executive: an overview with the headline figures, one turn per segment, one on strategy, a summary.
  const rev = zhYi(F.rev);
  const up = (x, zhUp, zhDown, enUp, enDown) => (x >= 0 ? [zhUp, enUp] : [zhDown, enDown]);
  const [gz, ge] = up(F.g, '增长', '下降', 'up', 'down');
  const [mz, me] = up(F.gm - F.gmpy, '提升', '下降', 'higher than', 'lower than');
  const [ez, ee] = up(F.ebitdaM - F.ebitdaMpy, '改善', '下降', 'an improvement of', 'a decline of');
  zhTurn([
    [`大家好，欢迎参加${companyZh}${zhYear(P.year)}年第${zhUnder10k(P.q)}季度业绩电话会。`, `Hello, everyone, and thank you for joining ${owns(company)} ${P.ord} quarter ${P.year} earnings call.`],
    ...prose(1),
    [`本季度，公司实现收入人民币${rev[0]}，同比${gz}百分之${zhDecimal(abs(F.g))}。`, `This quarter, total revenues reached ${rev[1]}, ${ge} ${abs(F.g)}% year-over-year.`],
    [`毛利率为百分之${zhDecimal(F.gm)}，较去年同期${mz}${zhDecimal(round1(abs(F.gm - F.gmpy)))}个百分点。`, `Gross margin was ${F.gm}%, ${round1(abs(F.gm - F.gmpy))} percentage points ${me} the same quarter last year.`],
    [`调整后EBITDA率为${zhPct(F.ebitdaM)}，较去年同期${ez}${zhDecimal(round1(abs(F.ebitdaM - F.ebitdaMpy)))}个百分点。`, `Adjusted EBITDA margin was ${enPct(F.ebitdaM)}, ${ee} ${round1(abs(F.ebitdaM - F.ebitdaMpy))} percentage points year-over-year.`],
    ...prose(int(r, 2, 4)),
  ]);
  const codeSwitch = int(r, 0, segs.length * 3);
  segs.forEach(([sz, se], i) => {
    const s = F.segs[i];
    const [a, b] = up(s.g, '增长', '下降', 'up', 'down');
    const [c, d] = up(s.gm - s.gmpy, '提升', '下降', 'up from', 'down from');
    const sr = zhYi(s.rev);
    const cs = i === codeSwitch; // now and then the executive reads the figures in English, as Kingsoft's CEO did
    zhTurn([
      [`${sz}方面，本季度实现收入${cs ? sr[1] : sr[0]}，同比${a}${cs ? `${abs(s.g)}%` : `百分之${zhDecimal(abs(s.g))}`}，毛利率为${cs ? `${s.gm}%` : `百分之${zhDecimal(s.gm)}`}，较去年同期的${cs ? `${s.gmpy}%` : zhPct(s.gmpy)}${c}。`,
        `In terms of ${se} services, revenues were ${sr[1]}, ${b} ${abs(s.g)}% year-over-year, with a gross margin of ${s.gm}%, ${d} ${enPct(s.gmpy)} in the same quarter last year.`],
      ...prose(int(r, 8, 11)),
    ]);
  });
  zhTurn(prose(int(r, 11, 14)));
  zhTurn([...prose(int(r, 4, 6)), [`接下来，我把时间交给我们的CFO${cfo.split(' ')[0]}，介绍本季度的财务情况。`, `I will now pass the call to our CFO, ${cfo.split(' ')[0]}, to go over our financial results for the quarter. Thank you.`]]);

  // The CFO's review in English: every figure once, precisely.
  const seg = F.segs;
  const dir = (x, a, b) => (x >= 0 ? a : b);
  const cfoParas = [
    [`Thank you, Mr. ${ceo.split(' ')[1]}, and hello, everyone. Now let me walk you through our financial results for the ${P.ord} quarter of ${P.year}.`,
      `Total revenues were ${rmb(F.rev)} this quarter, ${dir(F.g, 'an increase', 'a decrease')} of ${abs(F.g)}% from ${rmb(F.py)} in the same period of last year, and ${dir(F.gq, 'up', 'down')} ${abs(F.gq)}% from ${rmb(F.pq)} last quarter.`,
      ...seg.map((s, i) => `Revenue from ${segs[i][1]} services was ${rmb(s.rev)}, ${dir(s.g, 'an increase', 'a decrease')} of ${abs(s.g)}% from ${rmb(s.py)} in the same period of last year${i === 0 ? `, ${pick(r, ['as we kept adjusting our revenue mix', 'mainly driven by demand from ' + pick(r, CUST)[1] + ' customers', 'reflecting our focus on profitable projects'])}` : ''}.`)],
    [`Total cost of revenues ${dir(F.cor - F.corpy, 'increased', 'decreased')} by ${abs(change(F.cor, F.corpy))}% year-over-year to ${rmb(F.cor)}.`,
      `IDC costs ${dir(F.costs[0] - F.costspy[0], 'increased', 'decreased')} by ${abs(change(F.costs[0], F.costspy[0]))}% year-over-year, from ${rmb(F.costspy[0])} to ${rmb(F.costs[0])} this quarter.`,
      `Depreciation and amortization costs were ${rmb(F.costs[1])}, compared with ${rmb(F.costspy[1])} in the same period of last year.`,
      `Solution development and services costs were ${rmb(F.costs[2])}, and fulfillment costs and other costs were ${rmb(round1(F.costs[3] * 0.6))} and ${rmb(round1(F.costs[3] - round1(F.costs[3] * 0.6)))}, respectively.`,
      `Gross profit was ${rmb(F.gp)}, and gross margin was ${F.gm}%, compared with ${F.gmpy}% in the same period of last year.`],
    [...seg.map((s, i) => `Gross profit of ${segs[i][1]} services was ${rmb(s.gp)}, and gross margin was ${s.gm}%, compared with ${enPct(s.gmpy)} in the same period of last year.`),
      `The improvement reflects our ${pick(r, ['disciplined project selection', 'better customer mix', 'higher resource utilisation'])} and ${pick(r, ['the phase-out of loss-making customers', 'tighter procurement', 'a more efficient delivery team'])}.`],
    [`In terms of expenses, our total operating expenses were ${rmb(F.opexTotal)}, ${dir(F.opexTotal - F.opexTotalpq, 'up', 'down')} ${abs(change(F.opexTotal, F.opexTotalpq))}% from ${rmb(F.opexTotalpq)} last quarter.`,
      `Among them, R&D expenses were ${rmb(F.opex[0])}, ${dir(F.opex[0] - F.opexpq[0], 'up', 'down')} ${abs(change(F.opex[0], F.opexpq[0]))}% from last quarter.`,
      `Selling and marketing expenses were ${rmb(F.opex[1])}, compared with ${rmb(F.opexpq[1])} last quarter.`,
      `General and administrative expenses were ${rmb(F.opex[2])}, compared with ${rmb(F.opexpq[2])} last quarter.`,
      pick(r, ['We kept a firm grip on discretionary spending and headcount.', 'Headcount was broadly flat, and we kept discretionary spending under review.'])],
    [`${F.net < 0 ? 'Net loss' : 'Net income'} was ${rmb(abs(F.net))}, compared with ${F.netpy < 0 ? 'a net loss' : 'net income'} of ${rmb(abs(F.netpy))} in the same period of last year.`,
      `Adjusted EBITDA was ${rmb(F.ebitda)}, and adjusted EBITDA margin was ${enPct(F.ebitdaM)}, compared with ${enPct(F.ebitdaMpy)} in the same period of last year.`,
      `As of ${QEND[P.q - 1]}, ${P.year}, our cash and cash equivalents and short-term investments were RMB ${round1(F.cash / 1000)} billion, giving us ample liquidity.`,
      `Capital expenditures for the quarter were ${rmb(F.capex)}, and operating cash flow was ${rmb(F.ocf)}.`],
    [`Looking ahead, for the ${P.next}, we expect total revenues to be between RMB ${round2((F.rev * 0.98) / 1000)} billion and RMB ${round2((F.rev * 1.06) / 1000)} billion.`,
      `This concludes our prepared remarks. We are now happy to take your questions. Please ask your questions in both Chinese and English if possible. Operator, please go ahead.`],
  ];
  turn(`${cfo} (CFO)`, ...cfoParas.map((p) => p.join(' ')));

  // Q&A: analysts in turn, each with one or two questions on topics not asked yet, until the call has its size.
  const topics = shuffle(r, [...TOPICS, ...MORE_TOPICS]);
  const [zhBanks, usBanks] = [shuffle(r, BANKS), shuffle(r, US_BANKS)];
  const size = () => Buffer.byteLength(out.join('\n'));
  const target = 41_000 + r() * 3_000;
  for (let a = 0; topics.length > 0 && (a < 3 || size() < target); a++) {
    const chinese = r() < 0.5;
    const bank = chinese && zhBanks.length > 0 ? zhBanks.pop() : [null, usBanks.pop()];
    const name = person(r, taken, chinese ? GIVEN : FIRST, chinese ? FAMILY : LAST);
    const opening = a === 0 ? 'Thank you. As a reminder, to ask a question, please press star one one on your telephone. Our first question' : pick(r, ['Thank you. Our next question', 'Thank you. The next question', 'Our next question', 'Next, we have a question']);
    turn('Operator (participant)', `${opening} comes from the line of ${name} from ${bank[1]}. ${say(() => pick(r, ['Please go ahead.', 'Your line is open.', 'Please ask your question.', 'Please go ahead with your question.']))}`);
    const asked = topics.splice(0, topics.length > 1 && r() < 0.6 ? 2 : 1);
    const qs = asked.map((t) => fillPair(r, t.q, slots));
    const two = qs.length === 2;
    const enQ = two ? `${say(() => pick(r, ['I have two questions.', 'Two questions from me.', "I'd like to ask two questions."]))} ${pick(r, ['The first one is this.', 'First:', 'My first question:'])} ${qs[0][1]} ${pick(r, ['And the second:', 'Second question:', 'My second question:'])} ${qs[1][1]}` : qs[0][1];
    const zhQ = two ? `我有两个问题，第一个是，${qs[0][0]}第二个是，${qs[1][0]}` : `我的问题是，${qs[0][0]}`;
    const hello = say(() => pick(r, ['Thank you, management, for taking my questions.', 'Thanks for taking my questions.', 'Good evening, and thank you for the opportunity.', 'Hi, good evening, management.']));
    const who = `${name} (${pick(r, ['Analyst', 'Equity Research Analyst', 'Executive Director'])})`;
    if (chinese) turn(who, asr(r, `${ceo.split(' ')[1]}总、${cfo.split(' ')[0]}，晚上好，感谢接受我的提问，我是${bank[0]}的分析师${name}。${zhQ}`), `${say(() => pick(r, ['Let me translate my questions.', 'Let me translate myself.', 'I will translate myself.']))} ${enQ}`);
    else turn(who, `${hello} ${enQ}`);
    const together = two && r() < 0.75;
    asked.forEach((t, i) => {
      const ans = shuffle(r, t.a).slice(0, int(r, 3, t.a.length)).map((x) => say(() => fillPair(r, x, slots)));
      if (together && i === 1) return;
      if (together) ans.push(...shuffle(r, asked[1].a).slice(0, 2).map((x) => say(() => fillPair(r, x, slots))));
      if (i === 1) ans[0] = [`第二个问题，${ans[0][0]}`, `On your second question, ${lower(ans[0][1])}`];
      const pairs = [...(i === 0 ? [say(() => fillPair(r, pick(r, ZH_OPENERS), slots))] : []), ...ans, ...prose(int(r, 6, 9))];
      if (r() < 0.6) pairs.push(say(() => fillPair(r, pick(r, ZH_CLOSERS), slots)));
      zhTurn(pairs, true);
      if (t.cfo && r() < 0.7) turn(`${cfo} (CFO)`, say(() => fillEn(r, pick(r, CFO_QA), { ...enSlots(r), init: INIT.map((x) => x[1]), gm: `${F.gm}%`, capex: rmb(F.capex), opex: rmb(F.opexTotal) })));
    });
    if (r() < 0.35) turn(who, say(() => pick(r, ['Thank you.', 'Thank you, very helpful.', 'Got it. Thank you.', 'Very clear. Thank you, management.', 'Thanks a lot.'])));
  }
  turn(`${ir} (${'Head of Investor Relations'})`, `Thank you all for joining us today. If you have any further questions, please contact our investor relations team. We look forward to speaking with you next quarter.`);
  turn('Operator (participant)', `Thank you. This concludes today's conference call. You may now disconnect.`);
  return out.join('\n');
}

const CFO_QA = [
  "Let me add some color on the numbers. Our gross margin this quarter was {gm}, and we see room for further improvement as we {init}. We will also keep our operating expenses, which were {opex} this quarter, under tight control.",
  'On capital expenditure, we spent {capex} this quarter. We expect spending to rise in the coming quarters as new servers arrive, but we will keep it within our cash generation and our budget.',
  'I would add that our priority is healthy growth rather than size. We review every new project against its expected return, and we {init}. That discipline is what drives our margins.',
  'From a financial point of view, we will keep a close eye on working capital and collections. Our balance sheet remains solid, and we will continue to {init}.',
];

// ---------------------------------------------------------------------------------------------
// English calls, Refinitiv layout.

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

const EN_PRODUCT = ['analytics suite', 'mobile app', 'payments platform', 'developer tools', 'data warehouse', 'AI assistant', 'premium tier', 'checkout product', 'security add-on', 'workflow automation tools', 'self-serve onboarding', 'partner portal', 'reporting dashboards', 'API platform'];
const EN_CUST = ['small businesses', 'mid-market customers', 'enterprise customers', 'agencies', 'retailers', 'healthcare providers', 'financial institutions', 'public sector customers', 'developers', 'consumers', 'logistics companies', 'independent sellers'];
const EN_REGION = ['North America', 'Europe', 'the U.K.', 'Japan', 'Australia', 'Latin America', 'Germany', 'Canada', 'the Nordics', 'India', 'France', 'Southeast Asia'];
const EN_TIME = ['in the last 90 days', 'over the past 18 months', 'this quarter', 'during the quarter', 'over the last 12 months', 'since our last call', 'so far this year', 'in recent weeks', 'over the past year', 'in the back half of the quarter'];
const EN_VERB = ['launched', 'rolled out', 'expanded', 'introduced', 'scaled', 'shipped', 'piloted', 'upgraded'];
const EN_INIT = ['simplify our pricing', 'invest in our core products', 'improve our sales productivity', 'deepen our partner relationships', 'drive operating leverage', 'automate more of our support', 'expand internationally with discipline', 'grow our largest accounts', 'consolidate our infrastructure', 'reduce customer acquisition costs'];
const EN_ADJ = ['encouraging', 'strong', 'healthy', 'steady', 'solid', 'better than we expected', 'in line with our plan'];
const EN_SEGMENTS = ['Platform', 'Marketplace', 'Payments', 'Advertising', 'Subscriptions', 'Devices', 'Commerce', 'Enterprise'];

function enSlots(r) {
  return {
    product: EN_PRODUCT, product2: EN_PRODUCT, cust: EN_CUST, cust2: EN_CUST, region: EN_REGION, region2: EN_REGION, time: EN_TIME, verb: EN_VERB, init: EN_INIT, init2: EN_INIT, adj: EN_ADJ,
    n: () => String(int(r, 2, 9)), pct: () => `${int(r, 10, 60)}%`, k: () => String(int(r, 2, 40) * 100).replace(/\B(?=(\d{3})+(?!\d))/g, ','), mn: () => `${round1(1 + r() * 12)} million`,
  };
}

// A compositional layer under the templates: opener, subject, predicate, tail.
const GENERIC_EN = (() => {
  const open = ['', '{^time}, ', 'In {region}, ', 'Among {cust}, ', 'Across the business, ', 'For the {product}, '];
  const subj = ['demand for our {product}', 'usage of the {product}', 'our pipeline with {cust}', 'adoption of the {product2}', 'our business with {cust}', 'the partner channel', 'spending by {cust}', 'our self-serve motion'];
  const pred = ['grew faster than the company overall', 'held up well', 'was {adj}', 'accelerated through the quarter', 'improved steadily', 'stayed resilient despite a softer backdrop', 'came in ahead of our internal plan'];
  const tail = ['.', ', helped by the new features we shipped.', ', and we expect that to continue.', ', even as {cust2} stayed cautious.', ', which gives us confidence in the year.', ', although it is still early.'];
  // Expanded lazily by the grammar: one template per opener and tail, subject and predicate as alternatives.
  return open.flatMap((o) => tail.map((t) => `${o}[${subj.join('|')}] [${pred.join('|')}]${t}`));
})();

const EN_PROSE = [
  '{^time}, we {verb} our {product} to {cust} in {region}, and early adoption has been {adj}.',
  'Engagement with our {product} was {adj}, and we saw particular strength among {cust}.',
  'We continue to {init} and {init2}, which we believe positions us well for the long term.',
  'Our {product} is now used by more than {k} {cust}, and usage grew {pct} year-over-year.',
  ...GENERIC_EN,
  'In {region}, we added new partners and {verb} our {product2}, which broadens our reach with {cust}.',
  'Customer feedback on the {product} has been {adj}, and we are building the next version with that input.',
  'We remain focused on execution, and our teams are aligned around a small number of priorities.',
  'Attach rates for the {product} among {cust} improved again, a sign that the value proposition is resonating.',
  'We also made progress on our plan to {init}, and you should expect more from us here over the coming quarters.',
  'The macro environment remains uncertain, so we are planning conservatively while continuing to invest where returns are clear.',
  'Demand from {cust} was {adj}, while {cust2} were more cautious with their budgets.',
  'We {verb} {n} new integrations with partners {time}, each of which makes the {product} more useful to {cust}.',
  'Net revenue retention among our largest customers remained above the company average.',
  'We believe our scale and our data give us a durable advantage as {cust} consolidate their vendors.',
  'Our AI features are moving from pilots into everyday use, and {cust} are adopting them faster than any product we have launched before.',
  'Operationally, we {verb} our support tooling and cut response times meaningfully {time}.',
  'Sales cycles with {cust} lengthened somewhat, but win rates held up well.',
  'We reached {mn} monthly active users on the {product}, a new high for us.',
  'Our international business continued to grow faster than the company overall, led by {region} and {region2}.',
  'We are pleased with how the team executed, and we see plenty of room to keep improving.',
  'Pipeline coverage for the rest of the year is {adj}, and conversion rates have been stable.',
  'We made a deliberate choice to {init}, even though it weighs a little on near-term growth.',
  'Looking at cohorts, customers who adopt the {product} in their first year tend to spend more over time.',
  'We continue to hire selectively, mostly in engineering and in go-to-market roles in {region}.',
  'When we talk to {cust}, the conversation has shifted from whether to adopt the {product} to how quickly they can roll it out across their teams.',
  'The {product} and the {product2} are increasingly sold together, and customers who buy both stay with us longer and expand faster.',
  'We are still early in {region}, but the playbook we used in {region2} is translating well, and local partners are bringing us into larger deals.',
  'Our infrastructure work is paying off: reliability improved, and the cost to serve each customer came down again {time}.',
  'We want to be the system of record for {cust}, and every product decision we make is measured against that goal.',
  'Marketing efficiency improved as more of our new customers came through referrals and partners rather than paid channels.',
  'We simplified our packaging {time}, which made it easier for {cust} to start small and upgrade as they grow.',
  'The feedback loop between our sales teams and our product teams has never been tighter, and it shows in the roadmap.',
  'We are disciplined about where we compete, and we are comfortable walking away from business that does not meet our return thresholds.',
  'Across the business, we are using AI internally as well, in support, in sales and in engineering, and the productivity gains are real.',
  'Our partners in {region} are now sourcing a meaningful share of new business, and we plan to deepen those relationships.',
  'We also continued to invest in security and compliance, which matters a great deal to {cust} and opens doors in regulated industries.',
  'Renewals were {adj}, and expansion within existing accounts remained the largest contributor to growth.',
  'We are building for the long term, and that means making some investments today whose payoff will come over several years.',
  'The team shipped more than we planned {time}, and the quality of what we shipped was high.',
];
// Operating figures, each said once or twice a call (the slots are fixed per call).
// Sentences with an operating figure, each used at most once a call.
const EN_FIG_PROSE = [
  'Bookings from {cust} rose {pct} year-over-year.',
  'Seats sold to {cust} increased {pct} from a year ago.',
  'We added more than {k} new {cust} {time}.',
  'About {pct} of new customers came to us through partners {time}.',
  'We launched in {n} new countries {time}, bringing the total to {kpiMarkets}.',
  'Support response times improved by {pct} compared with last year.',
  'The {product} now handles {mn} requests a day.',
  'We expect to complete the migration to our new {product} by the end of {figYearNext}.',
  'Since {figYearPrev}, the number of {cust} using the {product} has roughly doubled.',
  'Roughly {pct} of our engineers now work on AI-related products.',
  'Average deal size with {cust} increased {pct} year-over-year.',
  'We hosted more than {k} customers at our user conference in {region}.',
  'The {product} accounted for more than {pct} of new bookings {time}.',
  'Our top {n} customers grew their spending with us by {pct} on average.',
  'We now have {k} partners certified on the {product}.',
  'Onboarding for new {cust} now takes under {n} weeks.',
  'We retired {n} legacy data centers over the past year, and we plan to retire more in {figYearNext}.',
  'Uptime for the {product} was {figUptime} in the quarter.',
  'More than {pct} of {cust} now use two or more of our products.',
  'We signed {n} multi-year agreements with {cust} in {region} {time}.',
  'Usage of the {product} among {cust} has grown more than {n} times over the past two years.',
  'Our developer community passed {k} members, up {pct} from last year.',
  'Payback on our sales and marketing spend is now under {n} quarters.',
  'We opened {n} new offices {time}, including our first in {region}.',
  'Customer satisfaction scores for the {product} rose {n} points year-over-year.',
  'The share of revenue from multi-product customers reached {pct}.',
  'Roughly {pct} of our support tickets are now resolved without a human agent.',
  'We cut the cost of onboarding a new customer by {pct} compared with {figYearPrev}.',
  'Net new customers in {region} more than doubled compared with the {ordPrev} quarter.',
  'Over the past {n} quarters, our gross margin has expanded every quarter.',
];

const EN_KPI = [
  'We ended the quarter with {kpiCust} paying customers, up {kpiCustG} from a year ago.',
  'Customers spending more than $100,000 a year grew to {kpiLarge}, and they now account for {kpiLargeShare} of the customer base by spend.',
  'Net revenue retention was {kpiNrr}, broadly in line with last quarter.',
  'Monthly active users reached {kpiMau}, and engagement per user was up {kpiEng} year-over-year.',
  'We now serve customers in {kpiMarkets} countries, and customers outside the U.S. make up {kpiIntl} of our base.',
  'We processed more than {kpiVol} transactions on the platform {time}.',
  'Headcount ended the quarter at about {kpiHead} employees, roughly flat sequentially.',
  'Our AI features were used by {kpiAi} of active customers in the quarter, up from {kpiAiPrev} last quarter.',
  'Our teams closed {kpiDeals} deals with more than $1 million in annual value, a record for us.',
  'Trial-to-paid conversion improved by {kpiConv} percentage points compared with the prior year.',
];
const EN_ANSWER_FIG = [
  'Remember that {figSegGrew} this quarter, so the momentum is there, and the pipeline supports it.',
  'With net revenue retention at {kpiNrr}, existing customers are still expanding with us, and that is the foundation of the model.',
  'Gross margin was {figGm} this quarter, and we think there is still room to improve as we consolidate our infrastructure.',
  'We ended the quarter with {figCash} in cash and investments, so we have plenty of flexibility.',
  'Our guidance of {figGuide} for the {next} assumes no change in the macro environment.',
  'With {kpiCust} paying customers, we have a large base to sell new products into.',
];
const EN_QUESTIONS_FIG = [
  '{^figSegGrew} this quarter. How sustainable is that growth into next year?',
  'Gross margin came in at {figGm}. Where do you see it settling over the next few quarters?',
  'You guided to revenue of {figGuide} for the {next}. What does the low end of that range assume?',
  'Operating expenses were {figOpex} in the quarter. How should we think about that run rate?',
  'You ended the quarter with {figCash} in cash. Has anything changed in how you think about capital returns?',
];
const EN_QUESTIONS = [
  'Can you talk about the sales capacity you added this year and how quickly new reps are ramping?',
  'How are you thinking about the balance between investing in {product} and improving margins?',
  'Could you give us more color on the deal environment with {cust}, and whether deal sizes are changing?',
  'What are the biggest risks you see to the outlook, and what would make you more cautious?',
  'How is the partner channel performing, and how much of new business is it sourcing today?',
  'Could you talk about the pricing changes you made and how customers have responded?',
  'Where are you in the infrastructure consolidation, and how much more efficiency is left?',
  'How should we think about seasonality between the {next} and the rest of the year?',
  'Can you talk about what you are seeing in {seg} demand as you head into the {next}?',
  'How should we think about the trajectory of margins from here, given the investments you mentioned?',
  'Could you unpack the drivers of {seg} growth this quarter between volume and pricing?',
  'What are you hearing from {cust} about their budgets for next year?',
  'How much of the AI roadmap is already reflected in the guidance, and how are you thinking about monetization?',
  'Can you give us an update on capital allocation priorities, and how you weigh investment against returning cash?',
  'How are you thinking about hiring and operating expenses for the rest of the year?',
  'What is the competitive environment like in {region}, and are you seeing any change in pricing?',
  'Can you talk about retention trends among {cust} and whether churn has stabilized?',
  'Could you help us understand the assumptions behind the guidance for the {next}?',
];
const EN_ANSWER_OPEN = ['Yes, thanks, {first}.', "Sure. I'll take that one, {first}.", 'Great question, {first}.', "Thanks, {first}. Let me start, and {other} can add to it.", "Yes. So I'd frame it this way."];
const EN_ANSWER = [
  'We are seeing {adj} trends with {cust}, and that has held up into the current quarter.',
  'Pricing has been stable, and most of the growth came from more customers and more usage per customer.',
  'We are being thoughtful about the pace of investment, and we will keep balancing growth and profitability.',
  'The {product} is still early, but the signals we watch most closely are all moving in the right direction.',
  'I would not read too much into one quarter, but the trend over the last several quarters is clear.',
  'Our guidance assumes the environment stays roughly where it is today, with no improvement built in.',
  'We have a lot of flexibility in the cost base, and we will use it if conditions change.',
  'Competition remains rational, and we win most often on product breadth and reliability.',
  'In {region}, we are still investing ahead of revenue, but unit economics are improving.',
  'We will share more detail at our investor day, but the short answer is that we like what we see.',
  'On capital allocation, our first priority is investing in the business, and we keep a strong balance sheet.',
  'Hiring will be focused on engineering, and overall headcount should grow more slowly than revenue.',
  'Retention among {cust} improved again, and gross churn is at the lowest level we have seen in some time.',
  'We think about it over a multiyear horizon, and we are comfortable with the trade-offs we are making.',
  'So that is a long way of saying we feel good about where we are.',
  'The way we look at it internally is cohort by cohort, and each of the recent cohorts is performing at or above the ones before it.',
  'We have been consistent that we will not chase growth at any cost, and this quarter is a good example of that discipline.',
  'There is some seasonality in the business, so I would encourage you to look at the year-over-year trend rather than the sequential one.',
  'We are not assuming any recovery in the macro environment, so if conditions improve, that would be upside to how we are planning.',
  'The pipeline is healthy, and the deals we are seeing are larger than they were a year ago, although they take a little longer to close.',
  'I would point you to the operating leverage in the model, which we expect to continue as revenue grows faster than expenses.',
  "It is a good question, and it is one we spend a lot of time on as a management team.",
  'We have the balance sheet to be patient, and we intend to be.',
  'Our conversations with {cust} suggest that budgets are stable, with more scrutiny on each new purchase than before.',
  'On pricing, we have room to capture more of the value we create, but we will do it carefully and over time.',
];

function englishCall(r, k) {
  const company = pick(r, EN_COMPANIES);
  const inc = `${company}, Inc.`;
  const P = quarterOf(r, k);
  const taken = new Set();
  const ceo = person(r, taken, FIRST, LAST);
  const cfo = person(r, taken, FIRST, LAST);
  const coo = person(r, taken, FIRST, LAST);
  const ir = person(r, taken, FIRST, LAST);
  const segs = shuffle(r, EN_SEGMENTS).slice(0, int(r, 2, 3));
  const F = financials(r, segs.length, 300 + r() * 1500);
  const say = sayer();
  const first = (n) => n.split(' ')[0];
  const guide = [round1(F.rev * 0.99), round1(F.rev * 1.05)];
  const pc = (lo, hi, d = 0) => `${(lo + r() * (hi - lo)).toFixed(d)}%`;
  const thousands = (lo, hi) => String(int(r, lo, hi) * 10).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const g = int(r, 0, segs.length - 1);
  const slots = {
    ...enSlots(r), seg: segs, next: P.next,
    kpiCust: thousands(800, 9000), kpiCustG: pc(4, 25), kpiLarge: thousands(40, 400), kpiLargeShare: pc(30, 60), kpiNrr: pc(104, 124), kpiMau: `${round1(2 + r() * 40)} million`, kpiEng: pc(3, 15),
    kpiMarkets: String(int(r, 12, 60)), kpiIntl: pc(18, 45), kpiVol: `${round1(1 + r() * 8)} billion`, kpiHead: thousands(150, 900), kpiAi: pc(20, 40), kpiAiPrev: pc(8, 19), kpiDeals: String(int(r, 8, 60)), kpiConv: `${round1(0.5 + r() * 3)}`,
    figSegGrew: `${segs[g]} revenue ${F.segs[g].g >= 0 ? 'grew' : 'fell'} ${abs(F.segs[g].g)}% year-over-year`, figGm: `${F.gm}%`, figCash: usd(F.cash), figGuide: `${usd(guide[0])} to ${usd(guide[1])}`, figOpex: usd(F.opexTotal), ordPrev: ORD[(P.q + 2) % 4], figYearNext: String(P.year + 1), figYearPrev: String(P.year - int(r, 2, 4)), figUptime: `${(99.9 + r() * 0.09).toFixed(2)}%`,
  };
  const nextKpi = deck(r, EN_KPI);
  const nextFig = deck(r, EN_FIG_PROSE, 1);
  let figsLeft = EN_FIG_PROSE.length;
  const fig = () => (figsLeft-- > 0 ? [say(() => fillEn(r, nextFig(), slots))] : []);
  const nextProse = deck(r, EN_PROSE, 2);
  const nextAnswer = deck(r, EN_ANSWER, 3);
  // Speakers link their sentences now and then.
  const link = (t) => (r() < 0.25 ? `${pick(r, ['At the same time,', 'Importantly,', 'In addition,', 'More broadly,', 'Beyond that,', 'And', 'So', 'On top of that,', 'As you know,', 'Overall,'])} ${lower(t)}` : t);
  // ... and run two together now and then.
  const pair = (t) => (r() < 0.3 ? `${t.replace(/\.$/, '')}, and ${lower(say(() => fillEn(r, nextProse(), slots)))}` : t);
  const prose = (n) => Array.from({ length: n }, () => link(pair(say(() => fillEn(r, nextProse(), slots)))));
  const banks = shuffle(r, US_BANKS);
  const analysts = Array.from({ length: int(r, 8, 10) }, (_, i) => ({ name: person(r, taken, FIRST, LAST), bank: banks[i] }));
  const execs = [[ceo, 'CEO & Director'], [cfo, 'CFO'], [coo, 'COO'], [ir, 'VP of Investor Relations']];
  const title = new Map(execs);
  const block = (who, org, ...paras) => `${who}\n${org}\n${paras.map((p) => wrap(p, 140)).join('\n')}\n `;
  const out = ['CORPORATE PARTICIPANTS', ' '];
  execs.forEach(([n, t]) => out.push(n, `${inc} - ${t}`, ' '));
  out.pop();
  out.push('CONFERENCE CALL PARTICIPANTS', ' ');
  analysts.forEach((a) => out.push(a.name, `${a.bank}, Research Division - ${pick(r, ['Analyst', 'Equity Analyst', 'Research Analyst', 'MD & Senior Analyst'])}`, ' '));
  out.pop();
  out.push('PRESENTATION', ' ');
  out.push(`Operator\n${wrap(`Good afternoon. My name is ${pick(r, FIRST)}, and I will be your conference operator today. At this time, I would like to welcome everyone to ${owns(company)} ${cap(P.ord)} Quarter ${P.year} Earnings Conference Call. (Operator Instructions) Please note this event is being recorded. I would now like to turn the conference over to ${ir}, Vice President of Investor Relations. Please go ahead.`, 140)}\n `);
  out.push(block(ir, `${inc} - VP of Investor Relations`,
    `Thank you, and good afternoon. Joining me today are ${owns(company)} CEO, ${ceo}; our CFO, ${cfo}; and our COO, ${coo}, who will join us for Q&A.`,
    `During today's call, we will make forward-looking statements about our future performance and plans, based on current expectations and assumptions. These statements are subject to risks and uncertainties, described in our SEC filings, and we undertake no obligation to update them except as required by law.`,
    `We will also discuss non-GAAP measures, including adjusted EBITDA. Reconciliations to the most comparable GAAP measures are in our earnings release, available on our Investor Relations website. With that, I will turn the call over to ${first(ceo)}.`));

  const [ge, me] = [F.g >= 0 ? 'up' : 'down', F.ebitda >= 0 ? 'positive' : 'negative'];
  const opInc = round1(F.gp - F.opexTotal);
  const shares = 80 + r() * 300;
  out.push(block(ceo, `${inc} - CEO & Director`,
    `Thank you, ${first(ir)}, and good afternoon, everyone. ${prose(1)[0]}`,
    `Let me start with the headlines. Revenue for the ${P.ord} quarter was ${usd(F.rev)}, ${ge} ${abs(F.g)}% year-over-year, and adjusted EBITDA was ${me}, with a margin of ${enPct(F.ebitdaM)}. ${prose(int(r, 2, 3)).join(' ')}`,
    ...Array.from({ length: int(r, 10, 12) }, (_, i) => [...(i < EN_KPI.length ? [say(() => fillEn(r, nextKpi(), slots))] : []), ...prose(int(r, 3, 5)), ...fig(), ...(r() < 0.4 ? fig() : [])].join(' ')),
    `${prose(1)[0]} With that, I will hand it over to ${first(cfo)} to walk through the financials.`));
  const dir = (x, a, b) => (x >= 0 ? a : b);
  out.push(block(cfo, `${inc} - CFO`,
    `Thanks, ${first(ceo)}. I will cover our ${P.ord} quarter results and then our outlook.`,
    `Total revenue was ${usd(F.rev)}, ${dir(F.g, 'an increase', 'a decrease')} of ${abs(F.g)}% from ${usd(F.py)} in the ${P.ord} quarter of ${P.year - 1}, and ${dir(F.gq, 'up', 'down')} ${abs(F.gq)}% sequentially. ${F.segs.map((s, i) => `${segs[i]} segment revenue was ${usd(s.rev)}, ${dir(s.g, 'up', 'down')} ${abs(s.g)}% year-over-year${i === 0 ? `, ${pick(r, ['driven by more customers and higher usage', 'helped by pricing changes we made earlier in the year', 'with growth across all regions'])}` : ''}.`).join(' ')}`,
    `Gross profit was ${usd(F.gp)}, and gross margin was ${F.gm}%, compared with ${F.gmpy}% a year ago. ${prose(int(r, 2, 3)).join(' ')}`,
    `Total operating expenses were ${usd(F.opexTotal)}, compared with ${usd(F.opexTotalpq)} in the prior quarter. Research and development expenses were ${usd(F.opex[0])}, sales and marketing expenses were ${usd(F.opex[1])}, and general and administrative expenses were ${usd(F.opex[2])}. ${pick(r, ['We continue to manage headcount tightly.', 'We slowed hiring outside of engineering during the quarter.'])} ${prose(int(r, 1, 2)).join(' ')}`,
    `${opInc < 0 ? 'Operating loss' : 'Operating income'} was ${usd(abs(opInc))}, ${opInc < 0 ? 'compared with' : 'an operating margin of'} ${opInc < 0 ? `${usd(abs(round1(opInc * (1.2 + r() * 0.5))))} a year ago` : `${round1((opInc / F.rev) * 100)}%`}. ${F.net < 0 ? 'GAAP net loss' : 'GAAP net income'} was ${usd(abs(F.net))}, or ${F.net < 0 ? '-' : ''}$${(abs(F.net) / shares).toFixed(2)} per diluted share. Adjusted EBITDA was ${usd(F.ebitda)}, or ${F.ebitdaM}% of revenue, compared with ${F.ebitdaMpy}% in the same quarter last year.`,
    `We ended the quarter with ${usd(F.cash)} in cash and investments. Operating cash flow was ${usd(F.ocf)}, capital expenditures were ${usd(F.capex)}, and free cash flow was ${usd(round1(F.ocf - F.capex))}. ${prose(1)[0]}`,
    `Turning to our outlook. For the ${P.next}, we expect total revenue between ${usd(guide[0])} and ${usd(guide[1])}, and adjusted EBITDA between ${usd(round1(abs(F.ebitda) * 0.8))} and ${usd(round1(abs(F.ebitda) * 1.1))}. ${prose(2).join(' ')}`,
    `And with that, operator, we'll open the line for questions.`));

  out.push('QUESTIONS AND ANSWERS', ' ');
  const size = () => out.join('\n').length;
  const target = 44_000 + r() * 4_000;
  const people = [ceo, cfo, coo];
  const questions = [...shuffle(r, EN_QUESTIONS_FIG).slice(0, 4), ...shuffle(r, EN_QUESTIONS)];
  const asks = shuffle(r, questions);
  const nextFigAnswer = deck(r, EN_ANSWER_FIG, 1);
  const answer = (who, analyst) => {
    const other = people.find((p) => p !== who);
    const paras = Array.from({ length: int(r, 2, 4) }, () => Array.from({ length: int(r, 4, 6) }, () => link(pair(say(() => fillEn(r, r() < 0.6 ? nextAnswer() : nextProse(), slots))))));
    if (r() < 0.5) paras[paras.length - 1].splice(1, 0, say(() => fillEn(r, nextFigAnswer(), slots)));
    paras[0].splice(2, 0, ...fig());
    if (r() < 0.5) paras[paras.length - 1].splice(2, 0, ...fig());
    paras[0][0] = `${fillEn(r, pick(r, EN_ANSWER_OPEN), { first: first(analyst), other: first(other) })} ${paras[0][0]}`;
    out.push(block(who, `${inc} - ${title.get(who)}`, ...paras.map((p) => p.join(' '))));
  };
  analysts.forEach((a, i) => {
    if ((i >= 3 && size() > target) || asks.length < 2) return;
    out.push(`Operator\n${i === 0 ? '(Operator Instructions) Our first question comes from' : pick(r, ['Our next question comes from', 'The next question comes from', 'Next question is from'])} ${a.name} with ${a.bank}.\n `);
    const analystLine = `${a.bank}, Research Division - Analyst`;
    const qs = asks.splice(0, 2).map((q) => fillEn(r, q, slots));
    out.push(block(a.name, analystLine, `${say(() => pick(r, ['Great, thanks for taking the question.', 'Thanks for taking my questions.', 'Hi, thanks.', 'Congrats on the quarter.', 'Thanks, and good afternoon.']))} ${qs[0]} ${pick(r, ['And then second,', 'And a follow-up,', 'And just as a second question,'])} ${lower(qs[1])}`));
    shuffle(r, people).slice(0, int(r, 1, 2)).forEach((who) => answer(who, a.name));
    if (r() < 0.35 && asks.length > 0) {
      out.push(block(a.name, analystLine, `${say(() => pick(r, ['Got it. And just a quick follow-up.', 'Thanks. One follow-up, if I may.', 'Helpful. Just one more.']))} ${fillEn(r, asks.shift(), slots)}`));
      answer(pick(r, people), a.name);
    } else if (r() < 0.4) {
      out.push(block(a.name, analystLine, say(() => pick(r, ['Great. Thank you.', 'Very helpful, thanks.', 'Thanks, that is really helpful.', 'Got it. Thanks.']))));
    }
  });
  out.push(`Operator\nThis concludes the question-and-answer session. I would like to turn the call back over to ${ceo} for closing remarks.\n `);
  out.push(block(ceo, `${inc} - CEO & Director`, `Thank you all for joining us today. ${prose(1)[0]} We look forward to updating you next quarter.`));
  out.push(`Operator\nThis concludes today's conference call. Thank you for participating. You may now disconnect.`);
  return out.join('\n');
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
