import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n';
import { plain } from './bidi';
import { currentAcknowledgement, formatScore, hasFeedback, orderedDisputes, pinsOf, revisionReason, scoreText, sectionsOf } from './detail';
import { dispute, view } from './fixtures.test-support';

afterEach(() => setLocale('en'));

describe('scores', () => {
  it('reads as percents', () => {
    expect(formatScore(82)).toBe('82%');
    expect(formatScore(87.5)).toBe('87.5%');
    expect(formatScore(66.6667)).toBe('66.7%');
    expect(formatScore(null)).toBe('');
  });

  it('shows a critical fail as 0 with the computed score beside it', () => {
    expect(scoreText(0, 82, true)).toBe('0% (computed 82%)');
    expect(scoreText(91, 91, false)).toBe('91%');
    expect(scoreText(null, null, false)).toBe('—');
    setLocale('fa');
    expect(scoreText(0, 82, true)).toBe('۰٪ (محاسبه‌شده ۸۲٪)');
  });
});

describe('an evaluation’s detail', () => {
  it('lists every section with its percent and each question’s answer', () => {
    const sections = sectionsOf(view());
    expect(sections.map((s) => [s.key, s.percent])).toEqual([
      ['opening', 50],
      ['discovery', 80],
      ['resolution', 50],
      ['notes', null],
    ]);
    const [greeting, verify] = sections[0].questions;
    expect(greeting).toMatchObject({ answer: 'Yes', failed: false, earned: 1, possible: 1, scoring: true });
    expect(verify).toMatchObject({ answer: 'No', failed: true, failEffect: 'critical', comment: 'Balance before the date of birth' });
    expect(sections[2].questions[1]).toMatchObject({ answer: 'N/A', na: true, earned: null, possible: null });
    expect(sections[3].questions[0]).toMatchObject({ answer: 'Billing, Complaint', scoring: false, earned: null });
    expect(sections[3].questions[1]).toMatchObject({ answer: 'Not answered', answered: false });
  });

  it('puts pinned comments in call order with the question they are about', () => {
    expect(pinsOf(view())).toEqual([
      { id: 1, atMs: 3_000, text: 'Warm opening', question: null },
      { id: 2, atMs: 65_000, text: 'Balance given here', question: 'Question verify' },
    ]);
  });

  it('knows whether the newest revision is acknowledged', () => {
    const ack = { id: 1, evaluationId: 1, revision: 1, comment: '', by: 'Emma', byAgent: true, at: '2026-11-05T10:00:00Z' };
    expect(currentAcknowledgement(view({ acknowledgements: [ack] }))).toBeNull();
    expect(currentAcknowledgement(view({ acknowledgements: [ack, { ...ack, id: 2, revision: 2 }] }))?.id).toBe(2);
  });

  it('says whether there is overall feedback', () => {
    expect(hasFeedback(view())).toBe(true);
    const empty = view();
    empty.content.feedback = { strengths: ' ', improvements: '', notes: '' };
    expect(hasFeedback(empty)).toBe(false);
  });

  it('words an accepted dispute’s revision in the UI’s language', () => {
    const revision = { revision: 2, score: 90, computedScore: 90, criticalFailed: false, madeBy: 'Lee', madeAt: '2026-11-05T10:00:00Z', reason: 'Dispute #7 accepted: Confirmed at 2:40', disputeId: 7, changes: [] };
    expect(plain(revisionReason(revision))).toBe('Dispute accepted: Confirmed at 2:40');
    expect(revisionReason({ ...revision, disputeId: null, reason: 'Listened again' })).toBe('Listened again');
    setLocale('fa');
    expect(plain(revisionReason(revision))).toBe('اعتراض پذیرفته شد: Confirmed at 2:40');
  });

  it('orders disputes open first, oldest first, then resolved newest first', () => {
    const disputes = [
      dispute({ id: 1, status: 'accepted', raisedAt: '2026-11-01T00:00:00Z', resolvedAt: '2026-11-02T00:00:00Z' }),
      dispute({ id: 2, raisedAt: '2026-11-04T00:00:00Z' }),
      dispute({ id: 3, status: 'rejected', raisedAt: '2026-11-01T00:00:00Z', resolvedAt: '2026-11-03T00:00:00Z' }),
      dispute({ id: 4, raisedAt: '2026-11-03T00:00:00Z' }),
    ];
    expect(orderedDisputes(disputes).map((d) => d.id)).toEqual([4, 2, 3, 1]);
  });
});
