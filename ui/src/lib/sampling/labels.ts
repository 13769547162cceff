// What the criteria builder's pickers say: field and operator names, and the values a field
// offers (known agents, teams …, directions, weekdays, hours), in the current language.
import type { LibraryFacets } from '../bindings/LibraryFacets';
import { formatNumber, t } from '../i18n';
import { DIRECTIONS, FIELDS, HOURS, WEEKDAYS, type Field, type Kind, type Op } from './criteria';

export interface Choice {
  value: string;
  label: string;
}

export function fieldLabel(field: Field): string {
  return t(`samples.field.${field}`);
}

export function opLabel(kind: Kind, op: Op): string {
  if (kind === 'time' && op !== 'between' && op !== 'in' && op !== 'notIn' && op !== 'is' && op !== 'isNot') {
    return t(`samples.op.time.${op}`);
  }
  return t(`samples.op.${op}`);
}

/** The values a select offers for a field; text fields offer the library's known values. */
export function valueChoices(field: Field, facets: LibraryFacets | null): Choice[] {
  const info = FIELDS.find((f) => f.field === field);
  switch (info?.kind) {
    case 'text':
      return (info.facet && facets ? facets[info.facet] : []).map((value) => ({ value, label: value }));
    case 'direction':
      return DIRECTIONS.map((value) => ({ value, label: t(`direction.${value}`) }));
    case 'weekday':
      return WEEKDAYS.map((value) => ({ value, label: t(`samples.weekday.${value}`) }));
    case 'hour':
      return HOURS.map((value) => ({ value, label: formatNumber(Number(value), { minimumIntegerDigits: 2 }) }));
    default:
      return [];
  }
}

/** Kinds picked from a list rather than typed. */
export function isChoiceKind(kind: Kind): boolean {
  return kind === 'text' || kind === 'direction' || kind === 'weekday' || kind === 'hour';
}

/** The unit shown after a typed value. */
export function valueSuffix(kind: Kind): string {
  if (kind === 'share') return '%';
  if (kind === 'lufs') return 'LUFS';
  return '';
}
