// Which screen shows: a screen of the navigation rail, or the call page of one recording (not on
// the rail; opened from the Library, Back returns there). The Library keeps its filters and
// scroll position in module state, so going back finds it as it was. A call page may be opened
// on one of its evaluations (from an agent's page or the open disputes).

export type Route =
  | { view: 'nav'; navId: string }
  | { view: 'call'; recordingId: number; navId: string; evaluationId?: number };

export const START: Route = { view: 'nav', navId: 'library' };

/** The call page of `recordingId` (showing evaluation `evaluationId`), remembering the screen it was opened from. */
export function openCall(route: Route, recordingId: number, evaluationId?: number): Route {
  return evaluationId === undefined
    ? { view: 'call', recordingId, navId: route.navId }
    : { view: 'call', recordingId, navId: route.navId, evaluationId };
}

/** From a call page back to the screen it was opened from; elsewhere nothing changes. */
export function back(route: Route): Route {
  return route.view === 'call' ? { view: 'nav', navId: route.navId } : route;
}

export function selectNav(navId: string): Route {
  return { view: 'nav', navId };
}

class Router {
  current = $state<Route>(START);
  /** The call just left with Back, so that the Library can put focus back on its row. */
  returnedFrom = $state<number | null>(null);

  openCall(recordingId: number, evaluationId?: number): void {
    this.returnedFrom = null;
    this.current = openCall(this.current, recordingId, evaluationId);
  }

  back(): void {
    const route = this.current;
    this.returnedFrom = route.view === 'call' ? route.recordingId : null;
    this.current = back(route);
  }

  select(navId: string): void {
    this.returnedFrom = null;
    this.current = selectNav(navId);
  }
}

export const router = new Router();
