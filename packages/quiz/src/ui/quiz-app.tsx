import { Box, Text, useApp, useInput, useStdin, useStdout, type Key } from 'ink';
import { useEffect, useRef, useState } from 'react';
import type { UnitSystem } from '@masdrill/rules';
import type { SessionState } from '../session-types.js';
import { splitKeys } from './keys.js';
import { initialUi, quizKey, retryUi, type KeyPress, type QuizUi } from './controller.js';
import type { Line } from './line.js';
import { frameLines } from './screens.js';

export interface QuizAppProps {
  readonly session: SessionState;
  /** The next case, for "n" on the debrief; without one (or when it gives none) "n" quits. */
  readonly nextSession?: () => SessionState | undefined;
  /** Called once for every finished case (the attempt log). */
  readonly onFinished?: (state: SessionState) => void;
  readonly units?: UnitSystem;
  readonly doseChecks?: boolean;
}

export function keyPress(input: string, key: Key): KeyPress {
  return {
    input,
    upArrow: key.upArrow,
    downArrow: key.downArrow,
    leftArrow: key.leftArrow,
    rightArrow: key.rightArrow,
    pageUp: key.pageUp,
    pageDown: key.pageDown,
    return: key.return,
    escape: key.escape,
    tab: key.tab,
    shift: key.shift,
    backspace: key.backspace,
    delete: key.delete,
    ctrl: key.ctrl,
  };
}

function LineView({ l }: { readonly l: Line }) {
  const text = l.text === '' ? ' ' : l.text;
  switch (l.style) {
    case 'title':
      return (
        <Text bold wrap="truncate-end">
          {text}
        </Text>
      );
    case 'selected':
      return (
        <Text inverse wrap="truncate-end">
          {text}
        </Text>
      );
    case 'dim':
      return (
        <Text dimColor wrap="truncate-end">
          {text}
        </Text>
      );
    case 'warn':
      return (
        <Text color="yellow" wrap="truncate-end">
          {text}
        </Text>
      );
    case 'bad':
      return (
        <Text color="red" wrap="truncate-end">
          {text}
        </Text>
      );
    case 'good':
      return (
        <Text color="green" wrap="truncate-end">
          {text}
        </Text>
      );
    default:
      return <Text wrap="truncate-end">{text}</Text>;
  }
}

/** The terminal's size, redrawn on resize. */
function useTerminalSize(): { columns: number; rows: number } {
  const { stdout } = useStdout();
  const read = () => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}

/** The quiz: renders the controller's frame and feeds it keys. Nothing clinical here. */
export function QuizApp(props: QuizAppProps) {
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const [ui, setUi] = useState<QuizUi>(() =>
    initialUi(props.session, {
      ...(props.units ? { units: props.units } : {}),
      ...(props.doseChecks !== undefined ? { doseChecks: props.doseChecks } : {}),
    }),
  );
  const { columns, rows } = useTerminalSize();
  const logged = useRef<SessionState | undefined>(undefined);

  useInput(
    (input, key) => {
      // Keys that arrived together come as one chunk: split them (a lone key goes through as Ink parsed it).
      const keys =
        input.length > 1 ? splitKeys(key.meta && !key.escape ? `\x1b${input}` : input) : [keyPress(input, key)];
      setUi((u) => keys.reduce(quizKey, u));
    },
    { isActive: isRawModeSupported === true },
  );

  useEffect(() => {
    if (ui.session.phase === 'finished' && logged.current !== ui.session) {
      logged.current = ui.session;
      props.onFinished?.(ui.session);
    }
    if (ui.exit === 'retry') setUi(retryUi(ui));
    else if (ui.exit === 'next') {
      const next = props.nextSession?.();
      if (next) setUi(retryUi({ ...ui, session: next }));
      else exit();
    } else if (ui.exit === 'quit') exit();
  }, [ui]);

  const lines = frameLines(ui, rows, columns);
  return (
    <Box flexDirection="column" width={columns}>
      {lines.map((l, i) => (
        <LineView key={i} l={l} />
      ))}
    </Box>
  );
}
