import { describe, expect, it } from 'vitest';
import { isolate, plain } from './bidi';

describe('isolating names in sentences', () => {
  it('wraps text in first-strong isolates, and takes them out again', () => {
    expect(isolate('سارا احمدی')).toBe('\u2068سارا احمدی\u2069');
    expect(plain(`Raised by ${isolate('سارا')} and ${isolate('Lee')}`)).toBe('Raised by سارا and Lee');
  });
});
