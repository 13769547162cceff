import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import * as api from './api';
import { ApiError } from './api';
import type { LibraryQuery } from './bindings/LibraryQuery';

beforeEach(() => {
  invoke.mockReset();
  vi.stubGlobal('window', { __TAURI_INTERNALS__: {} });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('api', () => {
  it('calls commands without arguments by name only', async () => {
    invoke.mockResolvedValue({ loaded: 8, alreadyPresent: 0 });
    await expect(api.loadDemo()).resolves.toEqual({ loaded: 8, alreadyPresent: 0 });
    expect(invoke).toHaveBeenCalledWith('load_demo');
    await api.appStatus();
    expect(invoke).toHaveBeenLastCalledWith('app_status');
    await api.libraryFacets();
    expect(invoke).toHaveBeenLastCalledWith('library_facets');
    await api.verifyAuditLog();
    expect(invoke).toHaveBeenLastCalledWith('verify_audit_log');
  });

  it('passes arguments as camelCase keys', async () => {
    invoke.mockResolvedValue({ id: 1, name: 'Sara', role: 'lead' });
    await api.createUser('Sara', 'lead');
    expect(invoke).toHaveBeenLastCalledWith('create_user', { name: 'Sara', role: 'lead' });
    await api.selectUser(7);
    expect(invoke).toHaveBeenLastCalledWith('select_user', { userId: 7 });
    invoke.mockResolvedValue(null);
    await expect(api.setLocale('fa')).resolves.toBeUndefined();
    expect(invoke).toHaveBeenLastCalledWith('set_locale', { locale: 'fa' });
  });

  it('passes the library query whole', async () => {
    const query: LibraryQuery = {
      search: 'refund',
      agent: 'مریم',
      team: null,
      vendor: null,
      queue: null,
      direction: 'inbound',
      status: null,
      sortBy: 'durationMs',
      sortDesc: true,
      offset: 400,
      limit: 200,
    };
    invoke.mockResolvedValue({ total: 0, offset: 400, rows: [] });
    await api.libraryPage(query);
    expect(invoke).toHaveBeenLastCalledWith('library_page', { query });
  });

  it('turns a command error into an ApiError', async () => {
    invoke.mockRejectedValue({ code: 'not_found', message: 'No such user' });
    const error = await api.selectUser(99).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'not_found', message: 'No such user' });
  });

  it('turns other rejections into an ApiError too', async () => {
    invoke.mockRejectedValue('command app_status not found');
    await expect(api.appStatus()).rejects.toMatchObject({ code: 'internal', message: 'command app_status not found' });
    invoke.mockRejectedValue(new TypeError('boom'));
    await expect(api.appStatus()).rejects.toBeInstanceOf(ApiError);
  });

  it('reports no_backend outside the Tauri webview', async () => {
    vi.stubGlobal('window', {});
    await expect(api.appStatus()).rejects.toMatchObject({ code: 'no_backend' });
    expect(invoke).not.toHaveBeenCalled();
  });
});
