// Shared by the feedback tests: agents, a small form of every answer type, and an evaluation of it.
import type { AgentSummary } from '../bindings/AgentSummary';
import type { AnswerType } from '../bindings/AnswerType';
import type { Dispute } from '../bindings/Dispute';
import type { EvaluationView } from '../bindings/EvaluationView';
import type { Question } from '../bindings/Question';
import type { ScorecardDefinition } from '../bindings/ScorecardDefinition';

export function agent(patch: Partial<AgentSummary> & { id: number; name: string }): AgentSummary {
  return {
    team: null,
    vendor: null,
    recordings: 0,
    evaluations: 0,
    averageScore: null,
    criticalFails: 0,
    unacknowledged: 0,
    openDisputes: 0,
    lastSubmittedAt: null,
    profile: null,
    ...patch,
  };
}

export function question(key: string, answer: AnswerType, patch: Partial<Question> = {}): Question {
  return {
    key,
    text: `Question ${key}`,
    help: '',
    guidelines: '',
    answer,
    weight: 1,
    allowNa: false,
    required: true,
    commentRequiredWhenFailed: false,
    failEffect: 'none',
    passPoints: null,
    ...patch,
  };
}

export function form(): ScorecardDefinition {
  return {
    name: 'Customer service',
    description: '',
    naScoring: 'exclude',
    passMark: 80,
    sections: [
      {
        key: 'opening',
        title: 'Opening',
        description: '',
        weight: 10,
        questions: [
          question('greeting', { type: 'yesNo', points: 1 }),
          question('verify', { type: 'yesNo', points: 1 }, { allowNa: true, failEffect: 'critical' }),
        ],
      },
      {
        key: 'discovery',
        title: 'Discovery',
        description: '',
        weight: 20,
        questions: [question('listening', { type: 'scale', min: 1, max: 5, points: 5 })],
      },
      {
        key: 'resolution',
        title: 'Resolution',
        description: '',
        weight: 40,
        questions: [
          question('outcome', { type: 'choice', options: [{ label: 'Resolved', points: 2 }, { label: 'Escalated', points: 1 }, { label: 'Unresolved', points: 0 }] }),
          question('effort', { type: 'points', max: 4 }, { allowNa: true }),
        ],
      },
      {
        key: 'notes',
        title: 'Notes',
        description: '',
        weight: 0,
        questions: [
          question('reason', { type: 'checkboxes', options: ['Billing', 'Complaint', 'Other'] }, { required: false }),
          question('note', { type: 'text' }, { required: false }),
        ],
      },
    ],
  };
}

export function dispute(patch: Partial<Dispute> & { id: number }): Dispute {
  return {
    evaluationId: 1,
    recordingId: 10,
    agent: 'Emma Clarke',
    revision: 1,
    question: 'verify',
    questionText: 'Question verify',
    currentAnswer: 'No',
    proposed: { kind: 'yes' },
    proposedAnswer: 'Yes',
    reason: 'Verified in the IVR',
    raisedBy: 'Emma Clarke',
    raisedAt: '2026-11-05T10:00:00Z',
    status: 'open',
    reply: null,
    resolvedBy: null,
    resolvedAt: null,
    newRevision: null,
    ageSeconds: 3600,
    ...patch,
  };
}

/** A critical fail (verify: No) computed at 82.5, with pins and feedback. */
export function view(patch: Partial<EvaluationView> = {}): EvaluationView {
  return {
    evaluation: {
      id: 1,
      recordingId: 10,
      fileName: 'in-5555550142.wav',
      callStart: '2026-11-02T09:14:05+03:30',
      durationMs: 36_000,
      scorecardId: 3,
      scorecardVersionId: 4,
      scorecardName: 'Customer service',
      scorecardVersion: 2,
      reviewerId: 2,
      reviewer: 'Dana QA',
      agentId: 5,
      agent: 'Emma Clarke',
      team: 'Billing',
      sampleId: null,
      samplePosition: null,
      status: 'submitted',
      startedAt: '2026-11-05T09:00:00Z',
      submittedAt: '2026-11-05T09:30:00Z',
      revision: 2,
      score: 0,
      computedScore: 82.5,
      criticalFailed: true,
      passed: false,
      acknowledgedAt: null,
      openDisputes: 0,
    },
    form: { id: 4, scorecardId: 3, version: 2, definition: form(), frozen: true, evaluations: 1, updatedAt: '2026-11-01T00:00:00Z' },
    content: {
      answers: {
        greeting: { value: { kind: 'yes' }, comment: '' },
        verify: { value: { kind: 'no' }, comment: ' Balance before the date of birth ' },
        listening: { value: { kind: 'scale', value: 4 }, comment: '' },
        outcome: { value: { kind: 'choice', value: 1 }, comment: 'No callback booked' },
        effort: { value: { kind: 'na' }, comment: '' },
        reason: { value: { kind: 'checked', value: [0, 1] }, comment: '' },
      },
      pins: [
        { id: 2, atMs: 65_000, text: 'Balance given here', question: 'verify' },
        { id: 1, atMs: 3_000, text: 'Warm opening', question: null },
      ],
      feedback: { strengths: 'Warm', improvements: '', notes: '' },
    },
    score: {
      earned: 33,
      possible: 40,
      computed: 82.5,
      score: 0,
      criticalFailed: true,
      passed: false,
      sections: [
        { key: 'opening', earned: 10, possible: 20, percent: 50, autoFailed: false },
        { key: 'discovery', earned: 16, possible: 20, percent: 80, autoFailed: false },
        { key: 'resolution', earned: 40, possible: 80, percent: 50, autoFailed: false },
        { key: 'notes', earned: 0, possible: 0, percent: null, autoFailed: false },
      ],
      questions: [
        { key: 'greeting', earned: 1, possible: 1, weight: 10, na: false, failed: false },
        { key: 'verify', earned: 0, possible: 1, weight: 10, na: false, failed: true },
        { key: 'listening', earned: 4, possible: 5, weight: 20, na: false, failed: true },
        { key: 'outcome', earned: 1, possible: 2, weight: 40, na: false, failed: true },
        { key: 'effort', earned: 0, possible: 4, weight: 40, na: true, failed: false },
      ],
      answered: 5,
      scoringQuestions: 5,
    },
    problems: [],
    savedAt: null,
    revisions: [],
    acknowledgements: [],
    disputes: [],
    can: { edit: false, revise: false, acknowledge: true, dispute: true, resolve: false },
    ...patch,
  };
}
