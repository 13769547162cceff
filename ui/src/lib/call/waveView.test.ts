import { describe, expect, it } from 'vitest';
import { rangeBetween, WaveView } from './waveView.svelte';

describe('WaveView', () => {
  it('shows the whole call until zoomed', () => {
    const wave = new WaveView();
    wave.setDuration(60_000);
    expect(wave.view).toEqual({ startMs: 0, endMs: 60_000 });
    expect(wave.zoom).toBe(1);
    wave.setDuration(61_000); // the player's exact length came in
    expect(wave.view).toEqual({ startMs: 0, endMs: 61_000 });
  });

  it('zooms around the playhead when it is in view, else around the middle', () => {
    const wave = new WaveView();
    wave.setDuration(60_000);
    wave.zoomStep(1, 12_000);
    expect(wave.zoom).toBe(2);
    expect(wave.view.startMs).toBe(6_000); // 12 s stays a fifth of the way across
    wave.zoomStep(1, 59_000); // out of view: around the middle (21 s)
    expect(wave.view).toEqual({ startMs: 13_500, endMs: 28_500 });
    wave.zoomStep(-1);
    expect(wave.zoom).toBe(2);
    wave.zoomStep(0);
    expect(wave.view).toEqual({ startMs: 0, endMs: 60_000 });
  });

  it('pans and follows the playhead only when zoomed in', () => {
    const wave = new WaveView();
    wave.setDuration(60_000);
    wave.follow(50_000);
    expect(wave.zoom).toBe(1);
    wave.zoomBy(6, 0);
    expect(wave.view).toEqual({ startMs: 0, endMs: 10_000 });
    wave.pan(5_000);
    expect(wave.view).toEqual({ startMs: 5_000, endMs: 15_000 });
    wave.follow(15_500);
    expect(wave.view).toEqual({ startMs: 15_000, endMs: 25_000 });
  });

  it('keeps a selection only when it has a length', () => {
    const wave = new WaveView();
    wave.select({ startMs: 5, endMs: 5 });
    expect(wave.selection).toBeNull();
    wave.select({ startMs: 5, endMs: 900 });
    expect(wave.selection).toEqual({ startMs: 5, endMs: 900 });
  });
});

describe('rangeBetween', () => {
  it('gives the dragged stretch in time order, within the view', () => {
    const view = { startMs: 10_000, endMs: 20_000 };
    expect(rangeBetween(500, 250, view, 1000)).toEqual({ startMs: 12_500, endMs: 15_000 });
    expect(rangeBetween(-20, 100, view, 1000)).toEqual({ startMs: 10_000, endMs: 11_000 });
  });
});

