import { insertSorted } from '../arrays.js';

/**
 * The glossary entries an English sentence holds, found in one pass over its word starts.
 *
 * An entry's pattern is `(?:^|[^a-z0-9])(?:form|form…)` with the `i` flag and no `u` flag
 * (see `compile` in tokens.ts): a form, as a word prefix, where no ASCII letter or digit
 * stands before it, ASCII letters in either case, and a space or hyphen in the form standing
 * for either. Without the `u` flag no character beyond ASCII folds to an ASCII letter (`ſ`,
 * the Kelvin sign `K`), so a form of ASCII code units matches exactly where each unit of the
 * text, with A–Z folded to a–z, equals the form's lower-cased unit. Such forms are compared
 * here unit by unit, listed under their first two units; an entry with any other form keeps
 * its pattern.
 *
 * Was: the entries listed under a word start's two letters, then each entry's literal keys
 * searched in the lower-cased sentence, then its pattern run. Analyze over 10 generated calls,
 * steady state (callgrind, node --single-threaded --hash-seed=1 --random-seed=1, per round):
 * 1,118 -> 1,087 M instructions.
 */

export interface EnglishForms {
  /** Forms by their first two units, lower-cased (`c0 * 128 + c1`), with their entries. */
  byStart: ReadonlyArray<FormBucket | undefined>;
  /** Entries with a form the table cannot hold, and their patterns: tested on every sentence. */
  patterns: ReadonlyArray<{ entry: number; en: RegExp }>;
}

/** Forms sharing their first two units, lower-cased, and the entry of each. */
interface FormBucket {
  forms: string[];
  entries: number[];
}

const SPACE = 0x20;
const HYPHEN = 0x2d;

/** `lists[k]` are entry k's English forms; `patterns[k]` its compiled pattern. */
export function englishForms(lists: ReadonlyArray<readonly string[]>, patterns: readonly RegExp[]): EnglishForms {
  const byStart: Array<FormBucket | undefined> = [];
  const fallback: Array<{ entry: number; en: RegExp }> = [];
  lists.forEach((forms, entry) => {
    if (!forms.every(tableForm)) {
      fallback.push({ entry, en: patterns[entry] as RegExp });
      return;
    }
    for (const form of forms) {
      const lower = form.toLowerCase();
      const key = lower.charCodeAt(0) * 128 + lower.charCodeAt(1);
      const bucket = (byStart[key] ??= { forms: [], entries: [] });
      bucket.forms.push(lower);
      bucket.entries.push(entry);
    }
  });
  for (let key = 0; key < 128 * 128; key++) byStart[key] ??= undefined; // one packed array, no holes
  return { byStart, patterns: fallback };
}

/**
 * Whether the table can hold a form: ASCII only, and two units before any space or hyphen
 * (the key is read from the text's first two units, and `year-over-year` under `ye` is one
 * key where ` x`/`-x` would be two).
 */
function tableForm(form: string): boolean {
  if (form.length < 2) return false;
  for (let k = 0; k < form.length; k++) {
    const c = form.charCodeAt(k);
    if (c > 0x7f || (k < 2 && (c === SPACE || c === HYPHEN))) return false;
  }
  return true;
}

const lowerAscii = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);
const isAsciiAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Indices of the entries whose pattern matches `text`, ascending. */
export function englishTerms(text: string, table: EnglishForms): number[] {
  const found: number[] = [];
  for (const { entry, en } of table.patterns) if (en.test(text)) found.push(entry);
  const n = text.length;
  // No ASCII letter or digit before p: `5customer` and `x-customer`'s `x` start no form, the
  // `customer` of `x-customer` does.
  let after = true;
  for (let p = 0; p + 1 < n; p++) {
    const c = text.charCodeAt(p);
    if (after && c < 128) {
      const c1 = text.charCodeAt(p + 1);
      const bucket = c1 < 128 ? table.byStart[lowerAscii(c) * 128 + lowerAscii(c1)] : undefined;
      if (bucket !== undefined) matchBucket(text, p, bucket, found);
    }
    after = !isAsciiAlnum(c);
  }
  return found;
}

/** Adds the entries of the bucket's forms that stand at `p` (its first two units do) to `found`. */
function matchBucket(text: string, p: number, bucket: FormBucket, found: number[]): void {
  const { forms, entries } = bucket;
  for (let f = 0; f < forms.length; f++) {
    if (formAt(text, p, forms[f] as string)) insertSorted(found, entries[f] as number);
  }
}

/** Whether lower-cased `form`, whose first two units are known to match, stands at `p`. */
function formAt(text: string, p: number, form: string): boolean {
  if (p + form.length > text.length) return false;
  for (let k = 2; k < form.length; k++) {
    const f = form.charCodeAt(k);
    const t = text.charCodeAt(p + k);
    if (f === SPACE || f === HYPHEN) {
      // `year-over-year` finds `year over year`, `cash flow` finds `cash-flow`.
      if (t !== SPACE && t !== HYPHEN) return false;
    } else if (lowerAscii(t) !== f) return false;
  }
  return true;
}
