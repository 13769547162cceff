// Section and question keys, made as the backend makes them (`new_key` and `fill_keys` in
// src/scorecard/definition.rs): the letters and digits of the first five words in lower case,
// joined by dashes, made unique with -2, -3… A key never changes once made: reports line a
// question up across versions by it, so editing the text leaves it alone.
import type { ScorecardDefinition } from '../bindings/ScorecardDefinition';

const NOT_ALPHANUMERIC = /[^\p{Alphabetic}\p{N}]+/u;

/** A key for `text` that is not in `taken`. */
export function newKey(text: string, taken: ReadonlySet<string>): string {
  const words = text
    .split(NOT_ALPHANUMERIC)
    .filter((word) => word !== '')
    .slice(0, 5)
    // Character by character, as Rust's char::to_lowercase does (no final-sigma context).
    .map((word) => Array.from(word, (ch) => ch.toLowerCase()).join(''));
  const base = words.join('-') || 'q';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Every key already given to a section or question of `definition`. */
export function takenKeys(definition: Pick<ScorecardDefinition, 'sections'>): Set<string> {
  const taken = new Set<string>();
  for (const section of definition.sections) {
    for (const question of section.questions) if (question.key.trim() !== '') taken.add(question.key);
  }
  for (const section of definition.sections) if (section.key.trim() !== '') taken.add(section.key);
  return taken;
}

/** Gives every section and question without a key one made from its title or text (in place). */
export function fillKeys(definition: Pick<ScorecardDefinition, 'sections'>): void {
  const taken = takenKeys(definition);
  for (const section of definition.sections) {
    if (section.key.trim() === '') {
      section.key = newKey(section.title, taken);
      taken.add(section.key);
    }
    for (const question of section.questions) {
      if (question.key.trim() === '') {
        question.key = newKey(question.text, taken);
        taken.add(question.key);
      }
    }
  }
}
