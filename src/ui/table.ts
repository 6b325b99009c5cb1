// Aligned text tables and small bars for the terminal. Returns lines; the caller prints.
import { color } from './color.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
export const visibleLength = (s: string) => s.replace(ANSI, '').length;

export function table(header: string[], rows: string[][], align: ('l' | 'r')[] = []): string[] {
  const widths = header.map((h, i) => Math.max(visibleLength(h), ...rows.map((r) => visibleLength(r[i] ?? ''))));
  const fmt = (cells: string[]) =>
    cells
      .map((c, i) => {
        const pad = ' '.repeat(Math.max(0, widths[i]! - visibleLength(c)));
        return align[i] === 'r' ? pad + c : c + pad;
      })
      .join('  ')
      .trimEnd();
  return [color.bold(fmt(header)), ...rows.map(fmt)];
}

/** A bar of `width` cells showing used of total: ███░ for 3 of 4. Over the total shows in red. */
export function bar(used: number, total: number, width = Math.max(total, 1)): string {
  if (total <= 0) return '';
  const cells = Math.min(width, Math.round((Math.min(used, total) / total) * width));
  const full = '█'.repeat(cells);
  const empty = '░'.repeat(width - cells);
  return (used >= total ? color.green(full) : color.cyan(full)) + color.dim(empty);
}
