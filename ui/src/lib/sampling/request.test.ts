import { describe, expect, it } from 'vitest';
import type { Method } from '../bindings/Method';
import { defaultAssignForm, seedValue, toAssignRequest, toggleReviewer, toSampleRequest } from './request';

const METHOD: Method = { kind: 'quota', per: 'agent', period: 'week', calls: 2, minDurationMs: 0 };

describe('the seed', () => {
  it('is fresh when empty, and a whole number up to 2^64 − 1 otherwise', () => {
    expect(seedValue('')).toBeNull();
    expect(seedValue('  ')).toBeNull();
    expect(seedValue('42')).toBe('42');
    expect(seedValue('007')).toBe('7');
    expect(seedValue('۱۲۳')).toBe('123');
    expect(seedValue('18446744073709551615')).toBe('18446744073709551615');
    expect(seedValue('18446744073709551616')).toBeUndefined();
    expect(seedValue('-1')).toBeUndefined();
    expect(seedValue('1.5')).toBeUndefined();
  });
});

describe('the assignment', () => {
  it('is null without reviewers', () => {
    expect(toAssignRequest(defaultAssignForm())).toBeNull();
  });

  it('spreads over the chosen reviewers with an optional daily cap', () => {
    expect(toAssignRequest({ reviewers: [3, 5], dailyCap: '', dueDays: '7' })).toEqual({ reviewers: [3, 5], dailyCap: null, dueDays: 7 });
    expect(toAssignRequest({ reviewers: [3], dailyCap: '۴', dueDays: '0' })).toEqual({ reviewers: [3], dailyCap: 4, dueDays: 0 });
    expect(toAssignRequest({ reviewers: [3], dailyCap: '0', dueDays: '7' })).toBeUndefined();
    expect(toAssignRequest({ reviewers: [3], dailyCap: '', dueDays: '' })).toBeUndefined();
  });

  it('keeps reviewers in the order they are listed', () => {
    const order = [1, 2, 3];
    expect(toggleReviewer([], 3, true, order)).toEqual([3]);
    expect(toggleReviewer([3], 1, true, order)).toEqual([1, 3]);
    expect(toggleReviewer([1, 3], 3, false, order)).toEqual([1]);
  });
});

describe('the draw request', () => {
  const assign = { reviewers: [2, 4], dailyCap: '', dueDays: '7' };

  it('has everything the backend needs', () => {
    expect(toSampleRequest(' Week 45 ', 'agent = "Emma Clarke"', METHOD, '', assign)).toEqual({
      request: {
        name: 'Week 45',
        criteria: 'agent = "Emma Clarke"',
        method: METHOD,
        seed: null,
        assign: { reviewers: [2, 4], dailyCap: null, dueDays: 7 },
      },
    });
    expect(toSampleRequest('n', '', METHOD, '99', defaultAssignForm())).toMatchObject({ request: { seed: '99', assign: null } });
  });

  it('says what is missing', () => {
    expect(toSampleRequest(' ', '', METHOD, '', assign)).toEqual({ problem: 'name' });
    expect(toSampleRequest('n', '', null, '', assign)).toEqual({ problem: 'method' });
    expect(toSampleRequest('n', '', METHOD, 'x', assign)).toEqual({ problem: 'seed' });
    expect(toSampleRequest('n', '', METHOD, '', { ...assign, dueDays: '-1' })).toEqual({ problem: 'assign' });
  });
});
