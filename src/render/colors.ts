import { Chalk, type ChalkInstance } from 'chalk';

/**
 * The one file that imports chalk. The CLI decides whether colour is wanted (a terminal, no
 * NO_COLOR, no TERM=dumb, no --no-color) and passes the answer here; renderers never look at
 * the environment themselves.
 */
export interface Palette {
  dim(s: string): string;
  bold(s: string): string;
  role(role: string, s: string): string;
  severity(sev: string, s: string): string;
  status(status: 'pass' | 'warn' | 'fail' | string, s: string): string;
}

export function palette(enabled: boolean): Palette {
  const c: ChalkInstance = new Chalk({ level: enabled ? 1 : 0 });
  const roles: Record<string, (s: string) => string> = {
    operator: c.gray,
    ir: c.cyan,
    executive: c.green,
    analyst: c.yellow,
    interpreter: c.magenta,
  };
  return {
    dim: (s) => c.dim(s),
    bold: (s) => c.bold(s),
    role: (role, s) => (roles[role] ?? ((x: string) => x))(s),
    severity: (sev, s) => (sev === 'error' ? c.red(s) : sev === 'warning' ? c.yellow(s) : c.blue(s)),
    status: (st, s) => (st === 'fail' ? c.red(s) : st === 'warn' ? c.yellow(s) : st === 'pass' ? c.green(s) : s),
  };
}
