import type { Layout } from '../layout.js';
import { factsetXml } from '../xml/factset.js';
import { plain } from './plain.js';
import { refinitiv } from './refinitiv.js';
import { streetEvents } from './streetevents.js';
import { transcriptSite } from './transcript-site.js';

/** Every text layout, tried in this order; the highest detection score wins, ties to the first. */
export const LAYOUTS: readonly Layout[] = [factsetXml, transcriptSite, refinitiv, streetEvents, plain];
