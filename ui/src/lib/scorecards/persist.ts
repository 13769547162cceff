// Saving and exporting from the designer: the calls to the backend and what to tell the person.
import * as api from '../api';
import type { FormVersion } from '../bindings/FormVersion';
import { t } from '../i18n';
import { forSaving } from './draft';
import type { ScorecardEditor } from './editor.svelte';
import { saveMessage } from './format';
import { exportName } from './roles';

export interface Saved {
  message: string;
  /** The save made a new version (the one before is used by evaluations). */
  newVersion: boolean;
}

/** Creates the form (first save) or saves it; the editor takes the server's form. Throws ApiError. */
export async function saveForm(editor: ScorecardEditor): Promise<Saved> {
  const definition = forSaving(editor.draft);
  if (editor.scorecardId === null) {
    const form = await api.scorecardCreate(definition);
    editor.saved(form);
    return { message: saveMessage({ created: form.version }), newVersion: false };
  }
  const outcome = await api.scorecardSave(editor.scorecardId, definition);
  editor.saved(outcome.form);
  return { message: saveMessage(outcome), newVersion: outcome.newVersion };
}

/** Asks where to write a version's JSON and writes it; the message to show, or null when cancelled. */
export async function exportVersion(version: FormVersion): Promise<string | null> {
  const written = await api.scorecardExport(version.id, exportName(version.definition.name, version.version));
  return written ? t('scorecards.exported', { version: version.version }) : null;
}
