// The new-sample form (criteria rows, method, assignment, name and seed), kept while the user
// visits other screens, and which part of the Samples screen shows.
import type { SampleDetail } from '../bindings/SampleDetail';
import {
  criteriaText,
  newRow,
  withField,
  withOp,
  type DurationUnit,
  type Exclusions,
  type Field,
  type Join,
  type Op,
  type Row,
} from './criteria';
import { defaultMethodForm, toMethod, type MethodForm } from './method';
import { defaultAssignForm, type AssignForm } from './request';

export class SampleBuilder {
  rows = $state<Row[]>([newRow(1)]);
  join = $state<Join>('and');
  exclusions = $state<Exclusions>({ reviewed: false, inOpenSample: false, shorter: false, shorterSeconds: '30' });
  /** The criteria text was edited by hand: it is what counts, the rows are set aside. */
  expert = $state(false);
  expertText = $state('');
  method = $state<MethodForm>(defaultMethodForm());
  assign = $state<AssignForm>(defaultAssignForm());
  name = $state('');
  seed = $state('');

  #nextId = 2;

  /** What the rows and exclusions say. */
  readonly builtText = $derived(criteriaText({ rows: this.rows, join: this.join, exclusions: this.exclusions }));
  /** The criteria the count, plan and draw use. */
  readonly criteria = $derived(this.expert ? this.expertText : this.builtText);
  readonly methodValue = $derived(toMethod(this.method));

  addRow(field: Field = 'agent'): void {
    this.rows.push(newRow(this.#nextId++, field));
  }

  removeRow(id: number): void {
    this.rows = this.rows.filter((row) => row.id !== id);
  }

  #update(id: number, change: (row: Row) => Row): void {
    this.rows = this.rows.map((row) => (row.id === id ? change(row) : row));
  }

  setField(id: number, field: Field): void {
    this.#update(id, (row) => withField(row, field));
  }

  setOp(id: number, op: Op): void {
    this.#update(id, (row) => withOp(row, op));
  }

  setValue(id: number, index: number, value: string): void {
    this.#update(id, (row) => {
      const values = [...row.values];
      values[index] = value;
      return { ...row, values };
    });
  }

  setValues(id: number, values: string[]): void {
    this.#update(id, (row) => ({ ...row, values }));
  }

  setUnit(id: number, unit: DurationUnit): void {
    this.#update(id, (row) => ({ ...row, unit }));
  }

  /** The text typed by hand: from now on it is the criteria, until `backToBuilder`. */
  editText(text: string): void {
    this.expert = true;
    this.expertText = text;
  }

  /** Drops the hand-edited text: the rows' text counts again. */
  backToBuilder(): void {
    this.expert = false;
    this.expertText = '';
  }

  /** A saved filter's text (canonical criteria): edited as text, the rows cannot show it all. */
  loadText(text: string): void {
    this.editText(text);
  }

  /** After a draw: the next sample gets its own name and a fresh seed. */
  drawn(): void {
    this.name = '';
    this.seed = '';
  }
}

export const builder = new SampleBuilder();

export type SamplesView = 'list' | 'new' | 'detail';

class SamplesScreen {
  view = $state<SamplesView>('list');
  sampleId = $state<number | null>(null);
  /** The detail just drawn, shown without asking again. */
  justDrawn = $state<SampleDetail | null>(null);

  showList(): void {
    this.view = 'list';
    this.sampleId = null;
    this.justDrawn = null;
  }

  showNew(): void {
    this.view = 'new';
    this.justDrawn = null;
  }

  showSample(sampleId: number, detail: SampleDetail | null = null): void {
    this.view = 'detail';
    this.sampleId = sampleId;
    this.justDrawn = detail;
  }
}

export const samplesScreen = new SamplesScreen();
