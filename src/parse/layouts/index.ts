import type { Layout } from '../layout.js';
import { asrSegments } from './asr-segments.js';
import { colon } from './colon.js';
import { factsetXml } from '../xml/factset.js';
import { markdown } from './markdown.js';
import { motleyFool } from './motley-fool.js';
import { plain } from './plain.js';
import { refinitiv } from './refinitiv.js';
import { seekingAlpha } from './seeking-alpha.js';
import { streetEvents } from './streetevents.js';
import { transcriptSite } from './transcript-site.js';

/** Every text layout, tried in this order; the highest detection score wins, ties to the first. */
export const LAYOUTS: readonly Layout[] = [factsetXml, transcriptSite, refinitiv, streetEvents, asrSegments, seekingAlpha, motleyFool, markdown, colon, plain];
