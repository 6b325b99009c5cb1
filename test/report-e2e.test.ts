// The report and lists written by the built CLI from the fixtures: what each recipient gets, and nothing more.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvOutput, run, tempWorkspace } from './helpers/cli.js';

describe('report and lists from the fixtures', () => {
  const files = ['google-forms-nn.csv', 'microsoft-forms.xlsx', 'nettskjema.csv', 'event-system-1252.csv'];

  it('report --no-names holds no name, e-mail or id of anyone in the fixtures', () => {
    const ws = tempWorkspace(...files);
    expect(run(['plan', ...files], { cwd: ws }).code).toBe(0);
    const s = JSON.parse(run(['status', '--json'], { cwd: ws }).stdout) as { registrations: { id: string; firstName: string; lastName: string; email: string | null }[] };
    const r = run(['report', '--no-names'], { cwd: ws });
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(ws, 'out', 'report-no-names.html'), 'utf8');
    expect(html).toMatch(/<html lang="nn"/);
    expect(html).not.toMatch(/[\w.+-]+@[\w-]+\.\w+/); // no e-mail address at all
    for (const p of s.registrations) {
      // Full names, e-mails and ids (a last name alone can be a place name too: Strand, Stranda).
      for (const v of [p.email, p.id, `${p.firstName} ${p.lastName}`]) if (v) expect(html, v).not.toContain(v);
    }
    // The full report does name people, and references no external resource.
    const full = readFileSync(join(ws, 'out', 'report.html'), 'utf8');
    expect(full).toContain('Kristiansand');
    expect(full).not.toMatch(/<script|<link|https?:\/\/(?!www\.w3\.org)/);
  });

  it('each list carries only what its recipient needs', async () => {
    const ws = tempWorkspace(...files);
    expect(run(['plan', ...files, '--lang', 'en'], { cwd: ws }).code).toBe(0);
    const out = (f: string) => readCsvOutput(join(ws, 'out', f));
    const participants = await out('participants.csv');
    expect(participants.header).not.toContain('E-mail');
    expect(participants.rows.some((r) => r['Last name'] === 'Lønseth')).toBe(false); // cancelled
    expect(participants.rows.some((r) => r['Last name'] === 'Furset')).toBe(true); // needs attention, still expected at the door
    const dietary = await out('dietary.csv');
    expect(dietary.header).toHaveLength(4);
    expect(dietary.rows.find((r) => r['Last name'] === 'Vik')).toMatchObject({ 'First name': 'Sindre' });
    expect(readFileSync(join(ws, 'out', 'dietary.csv'), 'utf8')).not.toMatch(/@|400 00|Rådgjevar/);
    const digital = await out('digital-participants.csv');
    expect(digital.rows.map((r) => r['Last name']).sort()).toEqual(['Dale', 'Liavåg']);
    expect(Object.keys(digital.rows[0]!)).toHaveLength(3);
  });
});
