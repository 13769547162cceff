// The draw's request from the form: name, seed, method and the assignment to reviewers.
import type { AssignRequest } from '../bindings/AssignRequest';
import type { Method } from '../bindings/Method';
import type { SampleRequest } from '../bindings/SampleRequest';
import { asciiDigits, parseNumber } from './criteria';

export interface AssignForm {
  reviewers: number[];
  /** Empty: no cap. */
  dailyCap: string;
  dueDays: string;
}

export function defaultAssignForm(): AssignForm {
  return { reviewers: [], dailyCap: '', dueDays: '7' };
}

const MAX_SEED = 18_446_744_073_709_551_615n;

/** The seed as sent: null for a fresh one (empty), the digits, or undefined when not valid. */
export function seedValue(raw: string): string | null | undefined {
  const text = asciiDigits(raw).trim();
  if (text === '') return null;
  if (!/^\d+$/.test(text) || BigInt(text) > MAX_SEED) return undefined;
  return BigInt(text).toString();
}

/** The assignment, null when nobody is chosen, undefined when a number is not valid. */
export function toAssignRequest(form: AssignForm): AssignRequest | null | undefined {
  if (form.reviewers.length === 0) return null;
  const dueDays = parseNumber(form.dueDays);
  if (dueDays === null || !Number.isInteger(dueDays) || dueDays < 0) return undefined;
  let dailyCap: number | null = null;
  if (form.dailyCap.trim() !== '') {
    dailyCap = parseNumber(form.dailyCap);
    if (dailyCap === null || !Number.isInteger(dailyCap) || dailyCap < 1) return undefined;
  }
  return { reviewers: [...form.reviewers], dailyCap, dueDays };
}

/** Adds or removes a reviewer, keeping the order in which they are listed. */
export function toggleReviewer(chosen: readonly number[], userId: number, on: boolean, order: readonly number[]): number[] {
  const set = new Set(chosen);
  if (on) set.add(userId);
  else set.delete(userId);
  return order.filter((id) => set.has(id));
}

export type RequestProblem = 'name' | 'method' | 'seed' | 'assign';

/** The request to draw, or what is still wrong with the form. */
export function toSampleRequest(
  name: string,
  criteria: string,
  method: Method | null,
  seed: string,
  assign: AssignForm,
): { request: SampleRequest } | { problem: RequestProblem } {
  if (name.trim() === '') return { problem: 'name' };
  if (method === null) return { problem: 'method' };
  const seedText = seedValue(seed);
  if (seedText === undefined) return { problem: 'seed' };
  const assignment = toAssignRequest(assign);
  if (assignment === undefined) return { problem: 'assign' };
  return { request: { name: name.trim(), criteria, method, seed: seedText, assign: assignment } };
}
