// A small form for the scorecard tests: two sections weighted 40 and 20, as in the designer's
// worked example, plus a section that does not score.
import type { ScorecardDefinition } from '../bindings/ScorecardDefinition';

export function sampleForm(): ScorecardDefinition {
  const base = { help: '', guidelines: '', weight: 1, allowNa: false, required: true, commentRequiredWhenFailed: false, failEffect: 'none' as const, passPoints: null };
  return {
    name: 'Customer service',
    description: '',
    naScoring: 'exclude',
    passMark: 80,
    sections: [
      {
        key: 'resolution',
        title: 'Resolution',
        description: '',
        weight: 40,
        questions: [
          { ...base, key: 'accuracy', text: 'Gave correct information', answer: { type: 'yesNo', points: 2 }, failEffect: 'section' },
          { ...base, key: 'verification', text: 'Verified the caller', answer: { type: 'yesNo', points: 1 }, allowNa: true, failEffect: 'critical', weight: 0 },
        ],
      },
      {
        key: 'closing',
        title: 'Closing',
        description: '',
        weight: 20,
        questions: [{ ...base, key: 'summary', text: 'Summarised the call', answer: { type: 'yesNo', points: 1 } }],
      },
      {
        key: 'notes',
        title: 'Notes',
        description: '',
        weight: 0,
        questions: [{ ...base, key: 'topics', text: 'Topics', answer: { type: 'checkboxes', options: ['Billing', 'Other'] }, required: false }],
      },
    ],
  };
}
