import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const { invoke, listen, unlisten, onDragDropEvent, open } = vi.hoisted(() => ({
  invoke: vi.fn(),
  listen: vi.fn(),
  unlisten: vi.fn(),
  onDragDropEvent: vi.fn(),
  open: vi.fn(),
}));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));
vi.mock('@tauri-apps/api/event', () => ({ listen }));
vi.mock('@tauri-apps/api/webview', () => ({ getCurrentWebview: () => ({ onDragDropEvent }) }));
vi.mock('@tauri-apps/plugin-dialog', () => ({ open }));

import * as api from './api';
import { ApiError } from './api';
import type { ImportProgress } from './bindings/ImportProgress';
import type { ImportRequest } from './bindings/ImportRequest';

type Handler = (event: { event: string; payload: unknown }) => void;

/** The handler the last `listen(name, …)` call registered. */
function handlerFor(name: string): Handler {
  const call = [...listen.mock.calls].reverse().find((args: unknown[]) => args[0] === name);
  if (!call) throw new Error(`nothing listens to ${name}`);
  return call[1] as Handler;
}

beforeEach(() => {
  for (const mock of [invoke, listen, unlisten, onDragDropEvent, open]) mock.mockReset();
  listen.mockResolvedValue(unlisten);
  onDragDropEvent.mockResolvedValue(unlisten);
  vi.stubGlobal('window', { __TAURI_INTERNALS__: {} });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('import commands', () => {
  it('starts an import with the request under `request`', async () => {
    const request: ImportRequest = {
      paths: ['/srv/recordings', '/mnt/ضبط'],
      vendor: 'Northwind BPO',
      team: null,
      pattern: '{direction}-{callee}-{caller}-{date:%Y%m%d}-{time:%H%M%S}-{uniqueid}',
      cdr: '/srv/cdr/Master.csv',
    };
    invoke.mockResolvedValue(null);
    await expect(api.importStart(request)).resolves.toBeUndefined();
    expect(invoke).toHaveBeenLastCalledWith('import_start', { request });
  });

  it('cancels and asks whether one runs by name only', async () => {
    invoke.mockResolvedValue(null);
    await expect(api.importCancel()).resolves.toBeUndefined();
    expect(invoke).toHaveBeenLastCalledWith('import_cancel');
    invoke.mockResolvedValue(true);
    await expect(api.importRunning()).resolves.toBe(true);
    expect(invoke).toHaveBeenLastCalledWith('import_running');
  });

  it('previews a pattern on sample names', async () => {
    const names = ['in-4401-5555550142-20261102-091405-1762086583.42.wav', 'notes.wav'];
    invoke.mockResolvedValue([{ direction: 'inbound', caller: '5555550142' }, null]);
    const result = await api.previewPattern('asterisk', names);
    expect(result[1]).toBeNull();
    expect(invoke).toHaveBeenLastCalledWith('preview_pattern', { pattern: 'asterisk', names });
  });

  it('reports import_running as an ApiError', async () => {
    invoke.mockRejectedValue({ code: 'import_running', message: 'an import is already running' });
    await expect(api.importStart({ paths: ['/a'], vendor: null, team: null, pattern: null, cdr: null })).rejects.toMatchObject({
      code: 'import_running',
    });
  });
});

describe('import events', () => {
  it('hands over the payload of import-progress and returns the unlisten function', async () => {
    const seen: ImportProgress[] = [];
    const stop = await api.onImportProgress((progress) => seen.push(progress));
    const progress: ImportProgress = { phase: 'reading', done: 10, total: 40, filesPerSecond: 5, secondsLeft: 6 };
    handlerFor('import-progress')({ event: 'import-progress', payload: progress });
    expect(seen).toEqual([progress]);
    stop();
    expect(unlisten).toHaveBeenCalledOnce();
  });

  it('listens to import-finished', async () => {
    const finished = vi.fn();
    await api.onImportFinished(finished);
    handlerFor('import-finished')({ event: 'import-finished', payload: { added: 3 } });
    expect(finished).toHaveBeenCalledWith({ added: 3 });
  });

  it('turns the payload of import-failed into an ApiError', async () => {
    const failed = vi.fn();
    await api.onImportFailed(failed);
    handlerFor('import-failed')({ event: 'import-failed', payload: { code: 'no_such_path', message: '/x: no such file or folder' } });
    const error = failed.mock.calls[0][0];
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'no_such_path', message: '/x: no such file or folder' });
  });

  it('passes on dropped paths only, not hovering', async () => {
    const dropped = vi.fn();
    await api.onPathsDropped(dropped);
    const handler = onDragDropEvent.mock.calls[0][0] as (event: { payload: unknown }) => void;
    handler({ payload: { type: 'over', position: { x: 1, y: 1 } } });
    handler({ payload: { type: 'drop', paths: [], position: { x: 1, y: 1 } } });
    handler({ payload: { type: 'drop', paths: ['/home/qa/calls'], position: { x: 1, y: 1 } } });
    expect(dropped).toHaveBeenCalledExactlyOnceWith(['/home/qa/calls']);
  });

  it('does nothing outside the Tauri webview', async () => {
    vi.stubGlobal('window', {});
    const stop = await api.onImportProgress(() => {});
    await api.onPathsDropped(() => {});
    stop();
    expect(listen).not.toHaveBeenCalled();
    expect(onDragDropEvent).not.toHaveBeenCalled();
  });
});

describe('pickers', () => {
  it('opens the folder picker for several folders', async () => {
    open.mockResolvedValue(['/srv/a', '/srv/b']);
    await expect(api.pickFolders()).resolves.toEqual(['/srv/a', '/srv/b']);
    expect(open).toHaveBeenLastCalledWith({ directory: true, multiple: true });
    open.mockResolvedValue(null);
    await expect(api.pickFolders()).resolves.toEqual([]);
  });

  it('opens the file picker for a CSV', async () => {
    open.mockResolvedValue('/srv/cdr/Master.csv');
    await expect(api.pickCallRecordsFile('CSV')).resolves.toBe('/srv/cdr/Master.csv');
    expect(open).toHaveBeenLastCalledWith({ multiple: false, directory: false, filters: [{ name: 'CSV', extensions: ['csv', 'txt'] }] });
  });
});
