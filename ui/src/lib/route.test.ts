import { describe, expect, it } from 'vitest';
import { back, openCall, router, selectNav, START } from './route.svelte';

describe('routes', () => {
  it('open a call from the Library and go back to it', () => {
    const call = openCall(START, 42);
    expect(call).toEqual({ view: 'call', recordingId: 42, navId: 'library' });
    expect(back(call)).toEqual({ view: 'nav', navId: 'library' });
  });

  it('open a call from the Queue and go back to the Queue', () => {
    const call = openCall(selectNav('queue'), 7);
    expect(call).toEqual({ view: 'call', recordingId: 7, navId: 'queue' });
    expect(back(call)).toEqual({ view: 'nav', navId: 'queue' });
  });

  it('open a call on one of its evaluations', () => {
    const call = openCall(selectNav('agents'), 7, 31);
    expect(call).toEqual({ view: 'call', recordingId: 7, navId: 'agents', evaluationId: 31 });
    expect(back(call)).toEqual({ view: 'nav', navId: 'agents' });
  });

  it('leave a rail screen alone on back', () => {
    const settings = selectNav('settings');
    expect(back(settings)).toBe(settings);
  });

  it('remember the call just left, for the Library to focus its row', () => {
    router.openCall(5);
    expect(router.current).toEqual({ view: 'call', recordingId: 5, navId: 'library' });
    expect(router.returnedFrom).toBeNull();
    router.back();
    expect(router.current).toEqual({ view: 'nav', navId: 'library' });
    expect(router.returnedFrom).toBe(5);
    router.select('settings');
    expect(router.current).toEqual({ view: 'nav', navId: 'settings' });
    expect(router.returnedFrom).toBeNull();
    router.back(); // not on a call page: nothing happens
    expect(router.current).toEqual({ view: 'nav', navId: 'settings' });
  });
});
