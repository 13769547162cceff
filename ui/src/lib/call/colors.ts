// The call page's colours, in one place for the canvas, the timeline's SVG and the legend (as
// CSS custom properties). Agent blue and customer orange are told apart with every common colour
// vision deficiency; overtalk is magenta, dead air grey hatching, and each has its own lane too.
export const COLORS = {
  agent: '#1f63c6',
  customer: '#d46a00',
  overtalk: '#c0177f',
  talk: '#1f63c6',
  deadAir: '#6b7380',
  deadAirFill: '#e6e8ec',
  skipped: '#2d3645',
  axis: '#d5dae1',
  playhead: '#111827',
} as const;

/** The colours as CSS custom properties (`--agent`, `--customer` …) for a style attribute. */
export const COLOR_VARS = Object.entries(COLORS)
  .map(([name, value]) => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${value}`)
  .join('; ');
