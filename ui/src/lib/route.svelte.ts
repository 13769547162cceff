// Which screen shows: a screen of the navigation rail, or the call page of one recording (not on
// the rail; opened from the Library, Back returns there). The Library keeps its filters and
// scroll position in module state, so going back finds it as it was.

export type Route = { view: 'nav'; navId: string } | { view: 'call'; recordingId: number; navId: string };

export const START: Route = { view: 'nav', navId: 'library' };

/** The call page of `recordingId`, remembering the screen it was opened from. */
export function openCall(route: Route, recordingId: number): Route {
  return { view: 'call', recordingId, navId: route.navId };
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

  openCall(recordingId: number): void {
    this.returnedFrom = null;
    this.current = openCall(this.current, recordingId);
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
