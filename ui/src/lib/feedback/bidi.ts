// Names and the form's own words inside translated sentences: set apart (Unicode first-strong
// isolates) so that an English form name in a Persian sentence, or a Persian agent name in an
// English one, keeps its own direction without reordering the sentence around it.

const FSI = '\u2068';
const PDI = '\u2069';

export function isolate(text: string): string {
  return `${FSI}${text}${PDI}`;
}

/** The text without isolates (for comparing in tests and for titles). */
export function plain(text: string): string {
  return text.replaceAll(FSI, '').replaceAll(PDI, '');
}
