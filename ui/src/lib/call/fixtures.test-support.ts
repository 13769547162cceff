// Shared by the call page's tests: playback settings as the player starts with them
// (normalisation off so a test states it when it matters).
import type { PlaybackSettings } from '../bindings/PlaybackSettings';

export function playbackSettings(patch: Partial<PlaybackSettings> = {}): PlaybackSettings {
  return {
    speed: 1,
    agentVolume: 1,
    customerVolume: 1,
    channelMode: 'stereo',
    skipSilence: false,
    skipSilenceMs: 2000,
    normalize: false,
    loopRange: null,
    ...patch,
  };
}
