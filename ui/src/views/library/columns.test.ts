import { describe, expect, it } from 'vitest';
import { COLUMNS, GRID_COLUMNS, GRID_MIN_WIDTH } from './columns';

const REM = 14; // px, the root font size in app.css
// The default 1280 px window minus the navigation rail (14rem), the view's padding (2 × 1.75rem)
// and the table's border.
const room = (windowWidth: number) => windowWidth - 14 * REM - 2 * 1.75 * REM - 2;

describe('library columns', () => {
  it('show the call, its agent and its speech metrics in the default window', () => {
    const last = COLUMNS.findIndex((c) => c.id === 'loudness');
    const min = COLUMNS.slice(0, last + 1).reduce((sum, c) => sum + c.min, 0) * REM;
    expect(min).toBeLessThanOrEqual(room(1280));
    for (const id of ['start', 'duration', 'agent', 'agentTalkShare', 'silenceShare', 'deadAirLongest', 'overtalk']) {
      expect(COLUMNS.findIndex((c) => c.id === id), id).toBeLessThan(last);
    }
  });

  it('fit a 1600 px window whole, without scrolling sideways', () => {
    expect(parseFloat(GRID_MIN_WIDTH) * REM).toBeLessThanOrEqual(room(1600));
  });

  it('sort every speech metric', () => {
    const metrics = COLUMNS.filter((c) => c.metric).map((c) => c.sort);
    expect(metrics).toEqual(['agentTalkShare', 'silenceShare', 'deadAirLongest', 'overtalk', 'loudness']);
  });

  it('leave Northwind BPO room in the vendor column', () => {
    expect(COLUMNS.find((c) => c.id === 'vendor')?.min).toBeGreaterThanOrEqual(10);
  });

  it('give the file name the largest share of the spare room', () => {
    const file = COLUMNS.find((c) => c.id === 'fileName');
    expect(COLUMNS.at(-1)).toBe(file);
    for (const column of COLUMNS) expect(column.grow ?? 0).toBeLessThanOrEqual(file?.grow ?? 0);
  });

  it('make one fixed or fr track per column', () => {
    const tracks = GRID_COLUMNS.match(/minmax\([^)]*\)|\S+/g) ?? [];
    expect(tracks).toHaveLength(COLUMNS.length);
    for (const track of tracks) expect(track).toMatch(/^(minmax\(\d+(\.\d+)?rem, \d+(\.\d+)?fr\)|\d+(\.\d+)?rem)$/);
  });
});
