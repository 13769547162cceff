// The import form's values and what they become: the request for `import_start`, the pattern
// to preview, the sample names. Pure, so tested without the backend.
import type { Extracted } from '../bindings/Extracted';
import type { ImportRequest } from '../bindings/ImportRequest';

/** The pattern select: "" is automatic (Asterisk names, then any date and time). */
export type PatternChoice = '' | 'asterisk' | 'datetime' | 'custom';

export const PATTERN_CHOICES: readonly PatternChoice[] = ['', 'asterisk', 'datetime', 'custom'];

/** What the automatic choice tries, in order (the backend's defaults). */
export const AUTOMATIC_PATTERNS = ['asterisk', 'datetime'] as const;

export const EXAMPLE_TEMPLATE = '{direction}-{callee}-{caller}-{date:%Y%m%d}-{time:%H%M%S}-{uniqueid}';

export const TEMPLATE_FIELDS = [
  '{direction}',
  '{caller}',
  '{callee}',
  '{agent}',
  '{queue}',
  '{uniqueid}',
  '{date:%Y%m%d}',
  '{time:%H%M%S}',
  '{datetime:…}',
  '{_}',
] as const;

export const SAMPLE_NAMES = [
  '2026/11/02/in-4401-5555550142-20261102-091405-1762086583.42.wav',
  'q-600-5555550123-20261102-143112-1762086600.7.mp3',
];

/** Sample names previewed at most. */
export const MAX_SAMPLES = 20;

export interface ImportForm {
  paths: string[];
  vendor: string;
  team: string;
  pattern: PatternChoice;
  template: string;
  cdr: string;
}

function optional(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** The pattern the request carries: null for automatic, a built-in name, or the template. */
export function patternOf(form: Pick<ImportForm, 'pattern' | 'template'>): string | null {
  if (form.pattern === 'custom') return optional(form.template);
  return form.pattern === '' ? null : form.pattern;
}

export function buildRequest(form: ImportForm): ImportRequest {
  return {
    paths: [...form.paths],
    vendor: optional(form.vendor),
    team: optional(form.team),
    pattern: patternOf(form),
    cdr: optional(form.cdr),
  };
}

/** Adds paths to a list: trimmed, blank ones and ones already there left out. */
export function withPaths(list: readonly string[], paths: readonly string[]): string[] {
  const next = [...list];
  for (const path of paths) {
    const trimmed = path.trim();
    if (trimmed !== '' && !next.includes(trimmed)) next.push(trimmed);
  }
  return next;
}

/** The sample names of the textarea: one per line, blank lines left out. */
export function sampleNames(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(0, MAX_SAMPLES);
}

export type Previewer = (pattern: string, names: string[]) => Promise<Array<Extracted | null>>;

/**
 * What a pattern reads from the names. Null (automatic) asks each default pattern in turn and
 * keeps, per name, the first that matched, as the import does.
 */
export async function previewNames(pattern: string | null, names: string[], preview: Previewer): Promise<Array<Extracted | null>> {
  if (names.length === 0) return [];
  if (pattern !== null) return preview(pattern, names);
  const results: Array<Extracted | null> = names.map(() => null);
  for (const name of AUTOMATIC_PATTERNS) {
    const missing = results.flatMap((result, index) => (result === null ? [index] : []));
    if (missing.length === 0) break;
    const found = await preview(
      name,
      missing.map((index) => names[index]),
    );
    missing.forEach((index, i) => (results[index] = found[i] ?? null));
  }
  return results;
}
