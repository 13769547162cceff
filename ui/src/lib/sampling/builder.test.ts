import { describe, expect, it } from 'vitest';
import { SampleBuilder } from './builder.svelte';

describe('the sample builder', () => {
  it('turns rows and exclusions into criteria text as they change', () => {
    const builder = new SampleBuilder();
    expect(builder.criteria).toBe(''); // one empty row: every call
    const [first] = builder.rows;
    builder.setValue(first.id, 0, 'سارا احمدی');
    expect(builder.criteria).toBe('agent = "سارا احمدی"');
    builder.setOp(first.id, 'in');
    builder.setValues(first.id, ['سارا احمدی', `O'Brien "Bob"`]);
    expect(builder.criteria).toBe('agent in ("سارا احمدی", "O\'Brien \\"Bob\\"")');

    builder.addRow('duration');
    const second = builder.rows[1];
    builder.setValue(second.id, 0, '90');
    builder.setUnit(second.id, 's');
    builder.join = 'or';
    builder.exclusions.inOpenSample = true;
    expect(builder.criteria).toBe('(agent in ("سارا احمدی", "O\'Brien \\"Bob\\"") or duration >= 90s) and not in_open_sample');

    builder.setField(first.id, 'direction');
    expect(builder.rows[0]).toMatchObject({ field: 'direction', op: 'eq', values: [] });
    builder.removeRow(first.id);
    expect(builder.criteria).toBe('duration >= 90s and not in_open_sample');
  });

  it('uses text edited by hand until going back to the builder', () => {
    const builder = new SampleBuilder();
    builder.setValue(builder.rows[0].id, 0, 'Emma Clarke');
    builder.editText('team = "Billing" and not reviewed');
    expect(builder.expert).toBe(true);
    expect(builder.criteria).toBe('team = "Billing" and not reviewed');
    builder.backToBuilder();
    expect(builder.expert).toBe(false);
    expect(builder.criteria).toBe('agent = "Emma Clarke"');
    builder.loadText('queue = "billing"');
    expect(builder.criteria).toBe('queue = "billing"');
  });

  it('keeps the method as a Method, null while incomplete', () => {
    const builder = new SampleBuilder();
    builder.method.kind = 'quota';
    builder.method.quota.calls = '2';
    expect(builder.methodValue).toEqual({ kind: 'quota', per: 'agent', period: 'week', calls: 2, minDurationMs: 0 });
    builder.method.quota.calls = '';
    expect(builder.methodValue).toBeNull();
  });

  it('clears the name and seed after a draw, and keeps the rest', () => {
    const builder = new SampleBuilder();
    builder.name = 'Week 45';
    builder.seed = '42';
    builder.assign.reviewers = [1, 2];
    builder.drawn();
    expect(builder.name).toBe('');
    expect(builder.seed).toBe('');
    expect(builder.assign.reviewers).toEqual([1, 2]);
  });
});
