// The call page's keyboard shortcuts: which key does what, as data (for the help overlay) and as
// a pure function from a key event to an action. Letters are also read from the physical key,
// so J/K/L and [ ] work with a Persian, Arabic or Hebrew keyboard layout too.
import type { PlaybackSettings } from '../bindings/PlaybackSettings';
import type { PlayerCommand } from '../bindings/PlayerCommand';
import type { MessageKey } from '../i18n';

export const SKIP_SHORT_MS = 5_000;
export const SKIP_LONG_MS = 15_000;
export const SPEED_STEP = 0.25;
export const MIN_SPEED = 0.5;
export const MAX_SPEED = 3;

/** Every speed the speed menu offers: 0.5 to 3 in steps of 0.25. */
export const SPEEDS: readonly number[] = Array.from(
  { length: Math.round((MAX_SPEED - MIN_SPEED) / SPEED_STEP) + 1 },
  (_, i) => MIN_SPEED + i * SPEED_STEP,
);

/** A speed on the menu's grid, within 0.5…3. */
export function clampSpeed(speed: number): number {
  if (!Number.isFinite(speed)) return 1;
  const stepped = Math.round(speed / SPEED_STEP) * SPEED_STEP;
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, stepped));
}

export type ShortcutAction =
  | { type: 'command'; command: PlayerCommand }
  | { type: 'speed'; delta: number }
  | { type: 'zoom'; direction: 1 | -1 | 0 }
  | { type: 'help' }
  | { type: 'pin' }
  | { type: 'back' };

/**
 * Where the key was pressed: in a text field (shortcuts stay out of the way), on a menu or a
 * check box (they keep their own keys), on a slider (it keeps the arrows), or elsewhere.
 */
export type FocusKind = 'text' | 'select' | 'checkbox' | 'range' | 'other';

export interface KeyInput {
  key: string;
  code?: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  focus?: FocusKind;
}

const TEXT_INPUTS = new Set(['text', 'search', 'number', 'email', 'password', 'tel', 'url', 'time', 'date']);

/** What kind of control an event target is (duck-typed, so it is tested without a DOM). */
export function focusKind(target: unknown): FocusKind {
  if (typeof target !== 'object' || target === null) return 'other';
  const element = target as { tagName?: string; type?: string; isContentEditable?: boolean };
  const tag = (element.tagName ?? '').toUpperCase();
  if (element.isContentEditable || tag === 'TEXTAREA') return 'text';
  if (tag === 'SELECT') return 'select';
  if (tag === 'INPUT') {
    const type = (element.type ?? 'text').toLowerCase();
    if (type === 'checkbox' || type === 'radio') return 'checkbox';
    if (type === 'range') return 'range';
    if (TEXT_INPUTS.has(type)) return 'text';
  }
  return 'other';
}

const BY_CODE: Record<string, string> = {
  KeyJ: 'j',
  KeyK: 'k',
  KeyL: 'l',
  KeyC: 'c',
  BracketLeft: '[',
  BracketRight: ']',
  Equal: '=',
  Minus: '-',
  Digit0: '0',
  Numpad0: '0',
  NumpadAdd: '+',
  NumpadSubtract: '-',
};

/** The key as a Latin-layout keyboard would name it. */
function logicalKey(input: KeyInput): string {
  const { key, code = '' } = input;
  if (key === '؟' || (code === 'Slash' && input.shiftKey)) return '?';
  if (key.length === 1 && key >= ' ' && key <= '~') return key === ' ' ? ' ' : key.toLowerCase();
  return BY_CODE[code] ?? key;
}

/** The action of a key press on the call page, or null when the key is not a shortcut there. */
export function shortcutFor(input: KeyInput): ShortcutAction | null {
  if (input.ctrlKey || input.altKey || input.metaKey) return null;
  const focus = input.focus ?? 'other';
  if (focus === 'text') return null;
  if (input.key === 'Escape') return { type: 'back' };
  if (focus === 'select') return null;

  const skip = (deltaMs: number): ShortcutAction => ({ type: 'command', command: { type: 'skip', deltaMs } });
  switch (input.key) {
    case 'ArrowLeft':
    case 'ArrowRight': {
      if (focus === 'range') return null;
      const step = input.shiftKey ? SKIP_LONG_MS : SKIP_SHORT_MS;
      // Time runs left to right on the waveform in every language: left is always back.
      return skip(input.key === 'ArrowLeft' ? -step : step);
    }
    case 'Home':
      return focus === 'range' ? null : { type: 'command', command: { type: 'seek', ms: 0 } };
  }

  switch (logicalKey(input)) {
    case ' ':
      return focus === 'checkbox' ? null : { type: 'command', command: { type: 'toggle' } };
    case 'k':
      return { type: 'command', command: { type: 'pause' } };
    case 'j':
      return skip(-SKIP_SHORT_MS);
    case 'l':
      return skip(SKIP_SHORT_MS);
    case '[':
      return { type: 'speed', delta: -SPEED_STEP };
    case ']':
      return { type: 'speed', delta: SPEED_STEP };
    case '=':
    case '+':
      return { type: 'zoom', direction: 1 };
    case '-':
      return { type: 'zoom', direction: -1 };
    case '0':
      return { type: 'zoom', direction: 0 };
    case '?':
      return { type: 'help' };
    case 'c':
      return { type: 'pin' };
  }
  return null;
}

/** The settings command that changes the speed by `delta`, kept within 0.5…3. */
export function speedCommand(settings: PlaybackSettings, delta: number): PlayerCommand {
  return { type: 'settings', settings: { ...settings, speed: clampSpeed(settings.speed + delta) } };
}

/** The player command of a key press (speed keys need the current settings), if it has one. */
export function commandFor(input: KeyInput, settings: PlaybackSettings): PlayerCommand | null {
  const action = shortcutFor(input);
  if (action?.type === 'command') return action.command;
  if (action?.type === 'speed') return speedCommand(settings, action.delta);
  return null;
}

/** The help overlay's list: the keys (as shown) and what they do. */
export const SHORTCUT_HELP: readonly { keys: string[]; labelKey: MessageKey }[] = [
  { keys: ['Space'], labelKey: 'call.keys.toggle' },
  { keys: ['K'], labelKey: 'call.keys.pause' },
  { keys: ['J', '←'], labelKey: 'call.keys.back5' },
  { keys: ['L', '→'], labelKey: 'call.keys.forward5' },
  { keys: ['Shift+←'], labelKey: 'call.keys.back15' },
  { keys: ['Shift+→'], labelKey: 'call.keys.forward15' },
  { keys: ['Home'], labelKey: 'call.keys.start' },
  { keys: ['['], labelKey: 'call.keys.slower' },
  { keys: [']'], labelKey: 'call.keys.faster' },
  { keys: ['+', '−'], labelKey: 'call.keys.zoom' },
  { keys: ['0'], labelKey: 'call.keys.zoomReset' },
  { keys: ['1', '2', '…'], labelKey: 'call.keys.answer' },
  { keys: ['N'], labelKey: 'call.keys.na' },
  { keys: ['Tab', 'Shift+Tab'], labelKey: 'call.keys.nextQuestion' },
  { keys: ['C'], labelKey: 'call.keys.pin' },
  { keys: ['?'], labelKey: 'call.keys.help' },
  { keys: ['Esc'], labelKey: 'call.keys.back' },
];
