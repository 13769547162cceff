import en from './en.json';
import fa from './fa.json';
import { localeState, type Locale } from './locale.svelte';

export type { Locale };
export { localeState };

type Catalog = Record<CatalogKey, string>;
type CatalogKey = keyof typeof en;
/** Keys with `.one`/`.other` forms can be asked for by their base name with a `count`. */
type PluralBase = CatalogKey extends infer K ? (K extends `${infer B}.other` ? B : never) : never;
export type MessageKey = CatalogKey | PluralBase;
export type MessageParams = Record<string, string | number>;

export interface LocaleInfo {
  code: Locale;
  /** The language's name in that language (shown the same whatever the UI language is). */
  nativeName: string;
}

/** Supported UI languages. Adding one: a catalog JSON plus an entry here and in `catalogs`. */
export const LOCALES: readonly LocaleInfo[] = [
  { code: 'en', nativeName: 'English' },
  { code: 'fa', nativeName: 'فارسی' },
];

const catalogs: Record<Locale, Catalog> = { en, fa };

const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'iw', 'ur', 'ps', 'ckb', 'yi', 'dv']);

/** True for scripts written right to left (Arabic, Persian, Hebrew, Urdu …). */
export function isRtl(locale: string): boolean {
  return RTL_LANGUAGES.has(locale.toLowerCase().split(/[-_]/)[0]);
}

/** Maps a tag such as `fa-IR` or `en_GB` to a supported UI locale, or null. */
export function matchLocale(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  const language = tag.toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((l) => l.code === language)?.code ?? null;
}

/** The locale to start with: the saved one, else the system's if supported, else English. */
export function initialLocale(saved: string | null | undefined, system?: string | null): Locale {
  const fromSystem = system === undefined ? (typeof navigator === 'undefined' ? null : navigator.language) : system;
  return matchLocale(saved) ?? matchLocale(fromSystem) ?? 'en';
}

/** The BCP 47 tag handed to `Intl`: Persian uses `fa-IR` (Persian calendar and digits). */
export function intlLocale(locale: Locale = localeState.current): string {
  if (locale === 'fa') return 'fa-IR';
  // English keeps the system's region (en-GB dates for a British reviewer), if it is English.
  if (typeof navigator !== 'undefined' && /^en(-|$)/i.test(navigator.language)) return navigator.language;
  return 'en';
}

export function getLocale(): Locale {
  return localeState.current;
}

/** Switches the UI language live and mirrors the document for right-to-left languages. */
export function setLocale(locale: Locale): void {
  localeState.current = locale;
  if (typeof document !== 'undefined') {
    document.documentElement.lang = intlLocale(locale);
    document.documentElement.dir = isRtl(locale) ? 'rtl' : 'ltr';
  }
}

// Intl objects are costly to build and the table formats thousands of cells: keep them.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

function numberFormat(options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const tag = intlLocale();
  return cached(`n|${tag}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(tag, options));
}

function pluralRules(): Intl.PluralRules {
  const tag = intlLocale();
  return cached(`p|${tag}`, () => new Intl.PluralRules(tag));
}

export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
  return numberFormat(options).format(n);
}

/** `t('library.count', { count: 8 })` → "8 recordings"; `{name}` placeholders are filled in. */
export function t(key: MessageKey, params?: MessageParams): string {
  const catalog = catalogs[localeState.current];
  let fullKey: string = key;
  if (params && typeof params.count === 'number' && !(key in catalog)) {
    const form = `${key}.${pluralRules().select(params.count)}`;
    fullKey = form in catalog ? form : `${key}.other`;
  }
  const template = catalog[fullKey as CatalogKey] ?? catalogs.en[fullKey as CatalogKey] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

/** True when the catalog has the key (used for optional messages such as `errors.<code>`). */
export function hasMessage(key: string): key is CatalogKey {
  return key in catalogs[localeState.current];
}

const DATE_TIME: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  // "4:22 PM" in American English; locales with a 24-hour clock (en-GB, fa-IR) keep it.
  hour: 'numeric',
  minute: '2-digit',
};

function dateTimeFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  const tag = intlLocale();
  const options = timeZone ? { ...DATE_TIME, timeZone } : DATE_TIME;
  return cached(`d|${tag}|${timeZone ?? ''}`, () => new Intl.DateTimeFormat(tag, options));
}

const UTC_OFFSET = /(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

/**
 * The offset from UTC, in minutes, that an RFC 3339 time was written in
 * (`…+03:30` → 210, `…-05:00` → -300, `…Z` → 0), or null when the text states none.
 */
export function utcOffsetMinutes(iso: string): number | null {
  const match = UTC_OFFSET.exec(iso.trim());
  if (!match) return null;
  if (!match[1]) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * Formats an RFC 3339 time for the current locale. Without `timeZone` it shows the wall-clock
 * date and time the source wrote (`2026-11-02T09:14:05+03:30` → "Nov 2, 2026, 9:14 AM"), which
 * for a call is the local time where it happened, whatever the reviewer's own time zone; with
 * an IANA `timeZone` it shows that instant in that zone. Persian gets the Persian (Solar Hijri)
 * calendar and Persian digits from Intl.
 */
export function formatDateTime(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (timeZone) return dateTimeFormat(timeZone).format(date);
  const offset = utcOffsetMinutes(iso);
  // No offset: Date read the text as local time, so the viewer's zone gives it back unchanged.
  if (offset === null) return dateTimeFormat(undefined).format(date);
  // Fixed-offset zones such as '+03:30' are recent in Intl (older WebKitGTK and Node reject
  // them), so move the instant by the offset and read its fields in UTC: the same wall clock.
  return dateTimeFormat('UTC').format(new Date(date.getTime() + offset * 60_000));
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date written `YYYY-MM-DD` (a due date) for the current locale: "Nov 3, 2026", and
 * in Persian the Solar Hijri date ("۱۲ آبان ۱۴۰۵"). Other text comes back unchanged.
 */
export function formatDate(ymd: string | null | undefined): string {
  if (!ymd) return '';
  const match = DATE_ONLY.exec(ymd.trim());
  if (!match) return ymd;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime())) return ymd;
  const tag = intlLocale();
  const format = cached(
    `date|${tag}`,
    () => new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }),
  );
  return format.format(date);
}

/** 65 000 ms → "1:05", 3 725 000 ms → "1:02:05", in the locale's digits. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return '';
  const totalSeconds = Math.round(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const plain = numberFormat({ useGrouping: false });
  const two = numberFormat({ minimumIntegerDigits: 2, useGrouping: false });
  return hours > 0
    ? `${plain.format(hours)}:${two.format(minutes)}:${two.format(seconds)}`
    : `${plain.format(minutes)}:${two.format(seconds)}`;
}
