import { describe, expect, it } from 'vitest';
import { fillKeys, newKey, takenKeys } from './keys';

describe('keys', () => {
  it('are made from the first five words, lower-cased, joined by dashes', () => {
    expect(newKey('Greeted the customer with the company name', new Set())).toBe('greeted-the-customer-with-the');
    expect(newKey("Verified the caller's identity", new Set())).toBe('verified-the-caller-s-identity');
    expect(newKey('  Tone & empathy (1–5)  ', new Set())).toBe('tone-empathy-1-5');
  });

  it('keep letters of any script, as Rust does', () => {
    expect(newKey('احوال‌پرسی با نام شرکت', new Set())).toBe('احوال-پرسی-با-نام-شرکت');
    expect(newKey('ΟΔΟΣ Straße', new Set())).toBe('οδοσ-straße');
  });

  it('fall back to q and are made unique with -2, -3', () => {
    expect(newKey('', new Set())).toBe('q');
    expect(newKey('?!', new Set(['q']))).toBe('q-2');
    expect(newKey('Closing', new Set(['closing', 'closing-2']))).toBe('closing-3');
  });

  it('are filled only where missing, never changed', () => {
    const form = {
      sections: [
        {
          key: '',
          title: 'Opening',
          questions: [
            { key: 'greeting', text: 'Opening' },
            { key: '', text: 'Greeting' },
            { key: '', text: 'Opening' },
          ],
        },
        { key: 'opening-2', title: 'Opening', questions: [] },
      ],
    };
    expect(takenKeys(form as never)).toEqual(new Set(['greeting', 'opening-2']));
    fillKeys(form as never);
    expect(form.sections[0].key).toBe('opening');
    expect(form.sections[0].questions.map((q) => q.key)).toEqual(['greeting', 'greeting-2', 'opening-3']);
    expect(form.sections[1].key).toBe('opening-2');
  });
});
