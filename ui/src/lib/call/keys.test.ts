import { describe, expect, it } from 'vitest';
import { playbackSettings } from './fixtures.test-support';
import { clampSpeed, commandFor, focusKind, shortcutFor, SPEEDS, type KeyInput } from './keys';

const settings = playbackSettings();

const press = (key: string, extra: Partial<KeyInput> = {}) => commandFor({ key, ...extra }, settings);

describe('keyboard shortcuts', () => {
  it('map the transport keys to player commands', () => {
    expect(press(' ', { code: 'Space' })).toEqual({ type: 'toggle' });
    expect(press('k')).toEqual({ type: 'pause' });
    expect(press('K', { shiftKey: true })).toEqual({ type: 'pause' });
    expect(press('j')).toEqual({ type: 'skip', deltaMs: -5000 });
    expect(press('l')).toEqual({ type: 'skip', deltaMs: 5000 });
    expect(press('ArrowLeft')).toEqual({ type: 'skip', deltaMs: -5000 });
    expect(press('ArrowRight')).toEqual({ type: 'skip', deltaMs: 5000 });
    expect(press('ArrowLeft', { shiftKey: true })).toEqual({ type: 'skip', deltaMs: -15000 });
    expect(press('ArrowRight', { shiftKey: true })).toEqual({ type: 'skip', deltaMs: 15000 });
    expect(press('Home')).toEqual({ type: 'seek', ms: 0 });
  });

  it('change the speed in steps of 0.25 within 0.5…3', () => {
    expect(press(']')).toEqual({ type: 'settings', settings: { ...settings, speed: 1.25 } });
    expect(press('[')).toEqual({ type: 'settings', settings: { ...settings, speed: 0.75 } });
    expect(commandFor({ key: ']' }, { ...settings, speed: 3 })).toEqual({ type: 'settings', settings: { ...settings, speed: 3 } });
    expect(commandFor({ key: '[' }, { ...settings, speed: 0.5 })).toEqual({ type: 'settings', settings: { ...settings, speed: 0.5 } });
  });

  it('work with a Persian keyboard layout through the physical key', () => {
    expect(press('ن', { code: 'KeyK' })).toEqual({ type: 'pause' });
    expect(press('ت', { code: 'KeyJ' })).toEqual({ type: 'skip', deltaMs: -5000 });
    expect(press('م', { code: 'KeyL' })).toEqual({ type: 'skip', deltaMs: 5000 });
    expect(press('ج', { code: 'BracketLeft' })).toMatchObject({ settings: { speed: 0.75 } });
    expect(shortcutFor({ key: '؟', code: 'Slash', shiftKey: true })).toEqual({ type: 'help' });
  });

  it('keep the arrows meaning time (left is back) whatever the layout direction', () => {
    // No direction input at all: the mapping cannot depend on it.
    expect(shortcutFor({ key: 'ArrowLeft' })).toEqual({ type: 'command', command: { type: 'skip', deltaMs: -5000 } });
  });

  it('open help, zoom and go back', () => {
    expect(shortcutFor({ key: '?', code: 'Slash', shiftKey: true })).toEqual({ type: 'help' });
    expect(shortcutFor({ key: 'Escape' })).toEqual({ type: 'back' });
    expect(shortcutFor({ key: '+' })).toEqual({ type: 'zoom', direction: 1 });
    expect(shortcutFor({ key: '=' })).toEqual({ type: 'zoom', direction: 1 });
    expect(shortcutFor({ key: '-' })).toEqual({ type: 'zoom', direction: -1 });
    expect(shortcutFor({ key: '0' })).toEqual({ type: 'zoom', direction: 0 });
  });

  it('pin a comment at the playback time with C, also on a Persian keyboard, not while typing', () => {
    expect(shortcutFor({ key: 'c', code: 'KeyC' })).toEqual({ type: 'pin' });
    expect(shortcutFor({ key: 'ز', code: 'KeyC' })).toEqual({ type: 'pin' });
    expect(shortcutFor({ key: 'c', focus: 'text' })).toBeNull();
  });

  it('stay out of text fields, menus and browser shortcuts', () => {
    expect(shortcutFor({ key: ' ', focus: 'text' })).toBeNull();
    expect(shortcutFor({ key: 'k', focus: 'text' })).toBeNull();
    expect(shortcutFor({ key: 'Escape', focus: 'text' })).toBeNull();
    expect(shortcutFor({ key: 'ArrowLeft', focus: 'select' })).toBeNull();
    expect(shortcutFor({ key: 'Escape', focus: 'select' })).toEqual({ type: 'back' });
    expect(shortcutFor({ key: 'l', ctrlKey: true })).toBeNull();
    expect(shortcutFor({ key: 'ArrowLeft', altKey: true })).toBeNull();
    expect(shortcutFor({ key: 'x' })).toBeNull();
  });

  it('leave sliders their arrows and check boxes their Space', () => {
    expect(shortcutFor({ key: 'ArrowRight', focus: 'range' })).toBeNull();
    expect(shortcutFor({ key: ' ', focus: 'range' })).toEqual({ type: 'command', command: { type: 'toggle' } });
    expect(shortcutFor({ key: ' ', focus: 'checkbox' })).toBeNull();
    expect(shortcutFor({ key: 'ArrowRight', focus: 'checkbox' })).toEqual({ type: 'command', command: { type: 'skip', deltaMs: 5000 } });
  });
});

describe('focusKind', () => {
  it('tells text fields, menus, check boxes and sliders apart', () => {
    expect(focusKind({ tagName: 'INPUT', type: 'text' })).toBe('text');
    expect(focusKind({ tagName: 'INPUT', type: 'number' })).toBe('text');
    expect(focusKind({ tagName: 'TEXTAREA' })).toBe('text');
    expect(focusKind({ tagName: 'DIV', isContentEditable: true })).toBe('text');
    expect(focusKind({ tagName: 'SELECT' })).toBe('select');
    expect(focusKind({ tagName: 'INPUT', type: 'checkbox' })).toBe('checkbox');
    expect(focusKind({ tagName: 'INPUT', type: 'range' })).toBe('range');
    expect(focusKind({ tagName: 'BUTTON' })).toBe('other');
    expect(focusKind(null)).toBe('other');
  });
});

describe('speeds', () => {
  it('offer 0.5 to 3 in quarter steps', () => {
    expect(SPEEDS).toHaveLength(11);
    expect(SPEEDS[0]).toBe(0.5);
    expect(SPEEDS.at(-1)).toBe(3);
    expect(SPEEDS).toContain(1);
  });

  it('clamp to the grid', () => {
    expect(clampSpeed(1.1)).toBe(1);
    expect(clampSpeed(9)).toBe(3);
    expect(clampSpeed(0.1)).toBe(0.5);
    expect(clampSpeed(Number.NaN)).toBe(1);
  });
});
