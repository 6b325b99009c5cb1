// The one colour module. chalk ignores NO_COLOR, so the level is decided here: no colour for NO_COLOR,
// --no-color, TERM=dumb or a stdout that is not a terminal.
import { Chalk, type ChalkInstance } from 'chalk';

export interface ColorEnv {
  noColorFlag?: boolean;
  env?: NodeJS.ProcessEnv;
  isTTY?: boolean;
}

export function colorLevel({ noColorFlag = false, env = process.env, isTTY = !!process.stdout.isTTY }: ColorEnv = {}): 0 | 1 | 2 | 3 {
  if (noColorFlag) return 0;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (env.TERM === 'dumb') return 0;
  if (!isTTY) return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  if (env.TERM?.includes('256')) return 2;
  return 1;
}

/** The shared instance; `configureColor` sets its level once the options are known. */
export const color: ChalkInstance = new Chalk({ level: colorLevel() });

export function configureColor(opts: ColorEnv): void {
  color.level = colorLevel(opts);
}
