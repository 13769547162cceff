import { describe, expect, it } from 'vitest';
import type { WaveformPeaks } from '../bindings/WaveformPeaks';
import { drawWaveform, laneBoxes, type Painter } from './draw';

function recorder() {
  const calls: { op: string; fill: string; args: number[] }[] = [];
  const ctx: Painter = {
    fillStyle: '',
    clearRect: (...args) => calls.push({ op: 'clear', fill: '', args }),
    fillRect(...args) {
      calls.push({ op: 'fill', fill: String(this.fillStyle), args });
    },
  };
  return { ctx, calls };
}

const peaks: WaveformPeaks = {
  startMs: 0,
  endMs: 4_000,
  bins: 4,
  cached: true,
  channels: [
    { min: [-0.5, -1, 0, -0.25], max: [0.5, 1, 0, 0.25] },
    { min: [-0.1, -0.1, -0.1, -0.1], max: [0.1, 0.1, 0.1, 0.1] },
  ],
};

describe('laneBoxes', () => {
  it('splits the height between lanes with a gap', () => {
    expect(laneBoxes(100, 2, 10)).toEqual([
      { top: 0, height: 45 },
      { top: 55, height: 45 },
    ]);
    expect(laneBoxes(80, 1)).toEqual([{ top: 0, height: 80 }]);
  });
});

describe('drawWaveform', () => {
  it('draws a bar per bin from min to max in each lane, agent above', () => {
    const { ctx, calls } = recorder();
    drawWaveform(ctx, [peaks], { startMs: 0, endMs: 4_000 }, { width: 4, height: 102, lanes: 2, colors: ['blue', 'orange'], axis: 'grey' });
    const blue = calls.filter((c) => c.op === 'fill' && c.fill === 'blue');
    const orange = calls.filter((c) => c.op === 'fill' && c.fill === 'orange');
    expect(blue).toHaveLength(4);
    expect(orange).toHaveLength(4);
    // Lane 0: 51 px high, centre 25.5, half 24.5. Bin 1 goes from +1 to -1.
    expect(blue[1].args).toEqual([1, 1, 1, 49]);
    expect(blue[0].args[0]).toBe(0);
    expect(blue[3].args[0]).toBe(3);
    // The customer lane is below the agent's.
    expect(orange[0].args[1]).toBeGreaterThan(51);
  });

  it('places peaks of another range where they fall in the view', () => {
    const { ctx, calls } = recorder();
    drawWaveform(ctx, [peaks], { startMs: 2_000, endMs: 6_000 }, { width: 8, height: 50, lanes: 1, colors: ['blue'], axis: 'grey' });
    const bars = calls.filter((c) => c.op === 'fill' && c.fill === 'blue');
    // Bins 2 and 3 (2–4 s) are in view at x 0–4, two pixels each; bins 0 and 1 are off to the left.
    expect(bars.map((b) => [b.args[0], b.args[2]])).toEqual([
      [0, 2],
      [2, 2],
    ]);
  });

  it('draws only the first channel in one lane for mono', () => {
    const { ctx, calls } = recorder();
    drawWaveform(ctx, [peaks], { startMs: 0, endMs: 4_000 }, { width: 4, height: 50, lanes: 1, colors: ['blue', 'orange'], axis: 'grey' });
    expect(calls.some((c) => c.fill === 'orange')).toBe(false);
  });
});
