import type { Role } from '../../model.js';
import { roleFromTitle } from '../roles.js';

/**
 * The `Company - Title` lines Refinitiv and StreetEvents print under a speaker's name:
 *
 *     Zillow Group, Inc. - Co-Founder, CEO & Director
 *     Daiwa Securities Co. Ltd., Research Division - Head of Automobiles, Transportation and Industrial, Hong Kong & China
 *
 * The first ` - ` divides company from title: company names rarely hold one, while titles do
 * ("SVP - Finance"), and hyphens inside words ("Co-Founder") have no spaces around them.
 */
export interface Affiliation {
  company: string;
  title: string;
}

const AFFILIATION = /^(\S.{0,119}?) [-–] (\S.{0,199})$/;

export function splitAffiliation(line: string): Affiliation | null {
  const m = AFFILIATION.exec(line.trim());
  if (!m) return null;
  return { company: (m[1] as string).trim(), title: (m[2] as string).trim() };
}

/**
 * An analyst's firm as readers name it: "Jefferies LLC, Research Division" is the firm's
 * research department, so the firm is "Jefferies LLC". The full line stays in the source and
 * in the participants region.
 */
export function firmOf(company: string): string {
  return company.replace(/,?\s+Research Division$/i, '').trim();
}

/**
 * Role of someone in a participants list: the corporate list holds executives and investor
 * relations ("VP of IR"), the conference-call list holds the analysts.
 */
export function listedRole(list: 'corporate' | 'conference', title: string | null): Role {
  if (list === 'conference') return 'analyst';
  const byTitle = roleFromTitle(title);
  return byTitle === 'ir' || byTitle === 'interpreter' ? byTitle : 'executive';
}
