// The only module that talks to the Rust backend. Every component goes through these
// functions; nothing else imports `invoke`.
import { invoke } from '@tauri-apps/api/core';
import type { AppStatus } from './bindings/AppStatus';
import type { AuditVerification } from './bindings/AuditVerification';
import type { CommandError } from './bindings/CommandError';
import type { DemoReport } from './bindings/DemoReport';
import type { LibraryFacets } from './bindings/LibraryFacets';
import type { LibraryPage } from './bindings/LibraryPage';
import type { LibraryQuery } from './bindings/LibraryQuery';
import type { Role } from './bindings/Role';
import type { User } from './bindings/User';

/** A failed command: `code` is stable and machine-readable, `message` is for people. */
export class ApiError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

/** Code used when the page runs in a plain browser (`npm run dev`) without the Tauri shell. */
export const NO_BACKEND = 'no_backend';

function isCommandError(value: unknown): value is CommandError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as CommandError).code === 'string' &&
    typeof (value as CommandError).message === 'string'
  );
}

/** Turns whatever a rejected `invoke` produced into an ApiError. */
export function toApiError(reason: unknown): ApiError {
  if (reason instanceof ApiError) return reason;
  if (isCommandError(reason)) return new ApiError(reason.code, reason.message);
  if (reason instanceof Error) return new ApiError('internal', reason.message);
  if (typeof reason === 'string') return new ApiError('internal', reason);
  return new ApiError('internal', String(reason));
}

export function hasBackend(): boolean {
  return typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  if (!hasBackend()) {
    throw new ApiError(NO_BACKEND, 'The Hark backend is not available: open the UI inside the Hark app.');
  }
  try {
    return args === undefined ? await invoke<T>(command) : await invoke<T>(command, args);
  } catch (reason) {
    throw toApiError(reason);
  }
}

export function appStatus(): Promise<AppStatus> {
  return call<AppStatus>('app_status');
}

/** Creates a local profile and makes it the current one. */
export function createUser(name: string, role: Role): Promise<User> {
  return call<User>('create_user', { name, role });
}

export function selectUser(userId: number): Promise<User> {
  return call<User>('select_user', { userId });
}

export function loadDemo(): Promise<DemoReport> {
  return call<DemoReport>('load_demo');
}

export function libraryPage(query: LibraryQuery): Promise<LibraryPage> {
  return call<LibraryPage>('library_page', { query });
}

export function libraryFacets(): Promise<LibraryFacets> {
  return call<LibraryFacets>('library_facets');
}

export async function setLocale(locale: string): Promise<void> {
  await call<null>('set_locale', { locale });
}

export function verifyAuditLog(): Promise<AuditVerification> {
  return call<AuditVerification>('verify_audit_log');
}
