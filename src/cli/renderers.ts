import type { CommandRenderer } from './emit.js';

/**
 * Which command's document to build, as plain data: a worker thread receives this and loads
 * the same renderer the main thread would, so files can be analysed in parallel.
 */
export type RendererSpec =
  | { command: 'turns' }
  | { command: 'quantities'; lines?: boolean }
  | { command: 'align' }
  | { command: 'metrics'; metric?: string; segment?: string; lang?: 'zh' | 'en'; currency?: string }
  | { command: 'analyze'; currency?: string };

export async function rendererFor(spec: RendererSpec): Promise<CommandRenderer<unknown>> {
  switch (spec.command) {
    case 'turns':
      return (await import('./commands/turns.js')).turnsRenderer as CommandRenderer<unknown>;
    case 'quantities':
      return (await import('./commands/quantities.js')).quantitiesRenderer({ lines: spec.lines === true }) as CommandRenderer<unknown>;
    case 'align':
      return (await import('./commands/align.js')).alignRenderer as CommandRenderer<unknown>;
    case 'metrics': {
      const { metricsRenderer } = await import('./commands/metrics.js');
      return metricsRenderer({
        ...(spec.metric ? { metric: spec.metric } : {}),
        ...(spec.segment ? { segment: spec.segment } : {}),
        ...(spec.lang ? { lang: spec.lang } : {}),
        ...(spec.currency ? { currency: spec.currency } : {}),
      }) as CommandRenderer<unknown>;
    }
    case 'analyze':
      return (await import('./commands/analyze.js')).analyzeRenderer(spec.currency ? { currency: spec.currency } : {}) as CommandRenderer<unknown>;
  }
}
