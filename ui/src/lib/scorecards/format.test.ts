import { afterEach, describe, expect, it } from 'vitest';
import type { SaveOutcome } from '../bindings/SaveOutcome';
import { setLocale } from '../i18n';
import { sampleForm } from './fixtures.test-support';
import { entryText, formatPoints, formatShare, importMessage, pointsText, questionNumber, saveMessage } from './format';

afterEach(() => setLocale('en'));

function outcome(version: number, newVersion: boolean, unchanged = false): SaveOutcome {
  return {
    form: { id: 1, scorecardId: 1, version, definition: sampleForm(), frozen: false, evaluations: 0, updatedAt: '' },
    newVersion,
    unchanged,
  };
}

describe('scorecard texts', () => {
  it('write points and shares in the locale', () => {
    expect(formatPoints(2)).toBe('2');
    expect(formatPoints(4 / 3)).toBe('1.33');
    expect(pointsText(1)).toBe('1 pt');
    expect(pointsText(0)).toBe('0 pts');
    expect(pointsText(2.5)).toBe('2.5 pts');
    expect(formatShare(0.387)).toBe('38.7%');
    expect(formatShare(null)).toBe('—');
    expect(questionNumber(1, 2)).toBe('2.3');
    setLocale('fa');
    expect(pointsText(2.5)).toBe('۲٫۵ امتیاز');
    expect(formatShare(0.6)).toBe('۶۰٪');
  });

  it('say what each answer earns', () => {
    expect(entryText({ kind: 'yes', points: 1, fails: false })).toBe('Yes = 1 pt');
    expect(entryText({ kind: 'no', points: 0, fails: true })).toBe('No = 0 pts');
    expect(entryText({ kind: 'value', value: 4, points: 8, fails: true })).toBe('4 = 8 pts');
    expect(entryText({ kind: 'option', label: 'Resolved', points: 3, fails: false })).toBe('\u2068Resolved\u2069 = 3 pts');
    expect(entryText({ kind: 'range', max: 10, fails: true })).toBe('Any points from 0 to 10 pts');
    expect(entryText({ kind: 'na', points: null, fails: false })).toBe('N/A = left out of the score');
    expect(entryText({ kind: 'na', points: 2, fails: false })).toBe('N/A = 2 pts');
    setLocale('fa');
    expect(entryText({ kind: 'yes', points: 1, fails: false })).toBe('بله = ۱ امتیاز');
    expect(questionNumber(1, 2)).toBe('۲.۳');
  });

  it('say what a save did', () => {
    expect(saveMessage({ created: 1 })).toBe('Created: version 1.');
    expect(saveMessage(outcome(3, true))).toBe('Saved as version 3: version 2 is used by evaluations and stays as it was.');
    expect(saveMessage(outcome(2, false))).toBe('Saved. Version 2 is not used by any evaluation yet, so it was changed in place.');
    expect(saveMessage(outcome(2, false, true))).toBe('Nothing to save: the form is the same as version 2.');
    setLocale('fa');
    expect(saveMessage(outcome(3, true))).toBe('به‌عنوان نسخهٔ ۳ ذخیره شد: نسخهٔ ۲ در ارزیابی‌ها به کار رفته و همان‌طور که بود می‌ماند.');
  });

  it('say what an import did', () => {
    expect(importMessage(outcome(1, false), false)).toBe('Imported “Customer service” as a new form.');
    expect(importMessage(outcome(4, true), true)).toBe('Imported “Customer service” as its version 4.');
    expect(importMessage(outcome(1, false), true)).toContain('was updated');
    expect(importMessage(outcome(2, false, true), true)).toContain('nothing was changed');
  });
});
