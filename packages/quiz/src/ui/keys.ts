import type { KeyPress } from './controller.js';

const CSI_KEYS: Record<string, Partial<KeyPress>> = {
  A: { upArrow: true },
  B: { downArrow: true },
  C: { rightArrow: true },
  D: { leftArrow: true },
  Z: { tab: true, shift: true },
  '5~': { pageUp: true },
  '6~': { pageDown: true },
  '3~': { delete: true },
};

/**
 * Splits a chunk of terminal input into single key presses. Ink hands a handler the whole chunk
 * when keys arrive together (a fast typist, a script, tmux send-keys): "2\r" must be "2" then
 * Enter, not one unknown key.
 */
export function splitKeys(data: string): KeyPress[] {
  const out: KeyPress[] = [];
  let i = 0;
  while (i < data.length) {
    const ch = data[i]!;
    if (ch === '\x1b') {
      const m = /^\x1b(?:\[([0-9;]*)([A-Za-z~])|O([A-Za-z]))/.exec(data.slice(i));
      if (m) {
        const code = m[3] ?? (m[2] === '~' ? `${m[1]}~` : m[2]!);
        out.push({ input: '', ...(CSI_KEYS[code] ?? {}) });
        i += m[0].length;
        continue;
      }
      out.push({ input: '', escape: true });
      i += 1;
      continue;
    }
    if (ch === '\r' || ch === '\n') out.push({ input: '', return: true });
    else if (ch === '\t') out.push({ input: '', tab: true });
    else if (ch === '\x7f' || ch === '\b') out.push({ input: '', backspace: true });
    else if (ch < ' ') out.push({ input: String.fromCharCode(ch.charCodeAt(0) + 96), ctrl: true });
    else out.push({ input: ch });
    i += 1;
  }
  return out;
}
