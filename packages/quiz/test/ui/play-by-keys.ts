/**
 * A trainee at the keyboard, reading the screen: given the frame on screen, the keys they press
 * next. Used by the ink-testing-library tests here and the real-terminal test in test/. It answers
 * every question, writes one order at the first plan (a methylprednisolone pulse) and keeps it after.
 */
export interface Player {
  orders: number;
  pressed: number;
}

export const newPlayer = (): Player => ({ orders: 0, pressed: 0 });

const RIGHT = '\u001b[C';

/** The next keys for this frame, or undefined once the debrief is on screen. */
export function keysFor(frame: string, p: Player): string | undefined {
  p.pressed++;
  if (/Debrief: /.test(frame)) return undefined;
  if (/New order: /.test(frame)) return `30\t${RIGHT}\t\t\t3\r`; // 30 mg/kg/day q24h iv ×3 d
  if (/Search actions: /.test(frame)) return /› IV methylprednisolone pulse/.test(frame) ? '\r' : 'pulse';
  if (/Orders at hour /.test(frame)) {
    if (p.orders === 0) {
      p.orders++;
      return 'a';
    }
    return 's';
  }
  if (/What is the leading diagnosis\?/.test(frame)) return '1\r';
  if (/Which criteria sets are met/.test(frame)) return ' \r';
  if (/Is the plan in force enough\?/.test(frame)) return '2\r';
  if (/Press Enter to meet the patient|Time passes: |Enter questions/.test(frame)) return '\r';
  return '\r';
}
