// The app-wide state that comes from `app_status`: who is signed in, the users, the counts.
import * as api from './api';
import { toApiError, type ApiError } from './api';
import type { AppStatus } from './bindings/AppStatus';
import type { Role } from './bindings/Role';

class Session {
  status = $state<AppStatus | null>(null);
  /** Set when `app_status` itself failed (e.g. no backend); the app cannot go on without it. */
  error = $state<ApiError | null>(null);
  loading = $state(true);

  async refresh(): Promise<AppStatus | null> {
    try {
      this.status = await api.appStatus();
      this.error = null;
    } catch (reason) {
      this.error = toApiError(reason);
    } finally {
      this.loading = false;
    }
    return this.status;
  }

  async createUser(name: string, role: Role): Promise<void> {
    await api.createUser(name, role);
    await this.refresh();
  }

  async selectUser(userId: number): Promise<void> {
    await api.selectUser(userId);
    await this.refresh();
  }
}

export const session = new Session();
