import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallAnalysisFailed } from '../bindings/CallAnalysisFailed';
import type { CallDetail } from '../bindings/CallDetail';
import type { Metrics } from '../bindings/Metrics';
import type { PlayerCommand } from '../bindings/PlayerCommand';
import type { PlayerState } from '../bindings/PlayerState';

type Callback<T> = (payload: T) => void;

const handlers = vi.hoisted(() => ({
  state: null as Callback<PlayerState> | null,
  analyzed: null as Callback<CallDetail> | null,
  failed: null as Callback<CallAnalysisFailed> | null,
}));
const api = vi.hoisted(() => ({
  callDetail: vi.fn(),
  playerOpen: vi.fn(),
  playerCommand: vi.fn(),
}));

vi.mock('../api', async (original) => ({
  ...(await original<typeof import('../api')>()),
  ...api,
  onPlayerState: async (cb: Callback<PlayerState>) => ((handlers.state = cb), () => (handlers.state = null)),
  onCallAnalyzed: async (cb: Callback<CallDetail>) => ((handlers.analyzed = cb), () => (handlers.analyzed = null)),
  onCallAnalysisFailed: async (cb: Callback<CallAnalysisFailed>) => (
    (handlers.failed = cb),
    () => (handlers.failed = null)
  ),
}));

import { CallSession } from './callSession.svelte';
import { playbackSettings } from './fixtures.test-support';

function playerState(patch: Partial<PlayerState> = {}): PlayerState {
  return {
    recordingId: 7,
    status: 'paused',
    positionMs: 0,
    durationMs: 60_000,
    channels: 2,
    settings: playbackSettings(),
    device: { available: true, message: 'Default' },
    normalizeGainDb: 0,
    skipped: [],
    error: null,
    ...patch,
  };
}

const recording = { id: 7, fileName: 'a.wav', durationMs: 60_000, channels: 2 } as CallDetail['recording'];
const metrics = { durationMs: 60_000, channelsAnalyzed: 2 } as Metrics;

/** playerCommand answers the state the command would lead to, after the test releases it. */
function manualCommands() {
  const calls: { command: PlayerCommand; resolve: (state: PlayerState) => void; reject: (e: unknown) => void }[] = [];
  api.playerCommand.mockImplementation(
    (command: PlayerCommand) => new Promise<PlayerState>((resolve, reject) => calls.push({ command, resolve, reject })),
  );
  return calls;
}

const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  api.callDetail.mockResolvedValue({ recording, metrics: null });
  api.playerOpen.mockResolvedValue(playerState());
  api.playerCommand.mockImplementation(async () => playerState());
});

afterEach(() => vi.clearAllMocks());

describe('CallSession', () => {
  it('loads the call, opens it in the player and waits for its analysis', async () => {
    const session = new CallSession(7);
    await session.start();
    expect(api.callDetail).toHaveBeenCalledWith(7);
    expect(api.playerOpen).toHaveBeenCalledWith(7);
    expect(session.ready).toBe(true);
    expect(session.analysing).toBe(true);
    expect(session.durationMs).toBe(60_000);

    handlers.analyzed?.({ recording: { ...recording, id: 8 }, metrics }); // another call
    expect(session.analysing).toBe(true);
    handlers.analyzed?.({ recording, metrics });
    expect(session.analysing).toBe(false);
    expect(session.metrics).toBe(metrics);
    session.dispose();
  });

  it('stops waiting when the analysis of its call fails, and says why', async () => {
    const session = new CallSession(7);
    await session.start();
    handlers.failed?.({ recordingId: 8, message: 'another call' });
    expect(session.analysing).toBe(true);
    handlers.failed?.({ recordingId: 7, message: 'a.wav: truncated at byte 44' });
    expect(session.analysing).toBe(false);
    expect(session.analysisError).toBe('a.wav: truncated at byte 44');
    session.dispose();
  });

  it('keeps metrics that arrived before the detail', async () => {
    let answer: (detail: CallDetail) => void = () => {};
    api.callDetail.mockReturnValue(new Promise<CallDetail>((resolve) => (answer = resolve)));
    const session = new CallSession(7);
    const started = session.start();
    await settle();
    handlers.analyzed?.({ recording, metrics });
    answer({ recording, metrics: null });
    await started;
    expect(session.metrics).toBe(metrics);
    session.dispose();
  });

  it('follows player-state events of its own call only', async () => {
    const session = new CallSession(7);
    await session.start();
    handlers.state?.(playerState({ status: 'playing', positionMs: 1_200 }));
    expect(session.playing).toBe(true);
    expect(session.player?.positionMs).toBe(1_200);
    handlers.state?.(playerState({ recordingId: null, status: 'idle', positionMs: 0 }));
    expect(session.player?.positionMs).toBe(1_200);
    session.dispose();
  });

  it('reports a call that cannot be opened, and a failed command', async () => {
    api.playerOpen.mockRejectedValue({ code: 'not_found', message: 'gone' });
    const session = new CallSession(7);
    await session.start();
    expect(session.openError).toMatchObject({ code: 'not_found' });
    expect(session.analysing).toBe(false); // nothing will analyse it now
    await session.command({ type: 'play' });
    expect(api.playerCommand).not.toHaveBeenCalled(); // no player to talk to

    api.playerOpen.mockResolvedValue(playerState());
    await session.open();
    expect(session.openError).toBeNull();
    api.playerCommand.mockRejectedValue({ code: 'player', message: 'device lost' });
    await session.command({ type: 'play' });
    expect(session.commandError).toMatchObject({ message: 'device lost' });
    session.dispose();
  });

  it('clamps seeks to the call', async () => {
    const session = new CallSession(7);
    await session.start();
    await session.seek(90_000);
    expect(api.playerCommand).toHaveBeenLastCalledWith({ type: 'seek', ms: 60_000 });
    await session.seek(-5);
    expect(api.playerCommand).toHaveBeenLastCalledWith({ type: 'seek', ms: 0 });
    session.dispose();
  });

  it('ignores the answer of a command overtaken by a later one', async () => {
    const session = new CallSession(7);
    await session.start();
    const calls = manualCommands();
    void session.command({ type: 'skip', deltaMs: 5000 });
    void session.command({ type: 'skip', deltaMs: 5000 });
    calls[1].resolve(playerState({ positionMs: 10_000 }));
    await settle();
    calls[0].resolve(playerState({ positionMs: 5_000 }));
    await settle();
    expect(session.player?.positionMs).toBe(10_000);
    session.dispose();
    calls[2].resolve(playerState({ recordingId: null, status: 'idle' })); // the close
  });

  it('shows settings at once and sends them one at a time, latest wins', async () => {
    const session = new CallSession(7);
    await session.start();
    const calls = manualCommands();
    session.updateSettings({ agentVolume: 0.5 });
    session.updateSettings({ agentVolume: 0.6 });
    session.updateSettings({ agentVolume: 0.7 });
    expect(session.settings?.agentVolume).toBe(0.7);
    expect(calls).toHaveLength(1);
    expect(calls[0].command).toMatchObject({ type: 'settings', settings: { agentVolume: 0.5 } });

    // A snapshot from before the change does not move the slider back.
    handlers.state?.(playerState());
    expect(session.settings?.agentVolume).toBe(0.7);

    calls[0].resolve(playerState({ settings: { ...playerState().settings, agentVolume: 0.5 } }));
    await settle();
    expect(calls).toHaveLength(2);
    expect(calls[1].command).toMatchObject({ settings: { agentVolume: 0.7 } });
    expect(session.settings?.agentVolume).toBe(0.7);
    calls[1].resolve(playerState({ settings: { ...playerState().settings, agentVolume: 0.7 } }));
    await settle();
    expect(session.settings?.agentVolume).toBe(0.7);
    session.dispose();
    calls[2].resolve(playerState({ recordingId: null, status: 'idle' })); // the close
  });

  it('closes the call in the player when the page goes, before the next call opens', async () => {
    const session = new CallSession(7);
    await session.start();
    const calls = manualCommands();
    session.dispose();
    expect(calls[0].command).toEqual({ type: 'close' });
    expect(handlers.state).toBeNull();

    const next = new CallSession(8);
    const started = next.start();
    await settle();
    expect(api.playerOpen).toHaveBeenCalledTimes(1); // waits for the close
    calls[0].resolve(playerState({ recordingId: null, status: 'idle' }));
    await started;
    expect(api.playerOpen).toHaveBeenLastCalledWith(8);
    next.dispose();
  });
});
