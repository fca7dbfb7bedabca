import { render } from 'ink';
import { QuizApp, type QuizAppProps } from './quiz-app.js';

export interface RunQuizOptions extends QuizAppProps {
  readonly stdin?: NodeJS.ReadStream;
  readonly stdout?: NodeJS.WriteStream;
}

/** Runs the Ink quiz until the trainee quits; resolves when the app has unmounted. */
export async function runQuiz(options: RunQuizOptions): Promise<void> {
  const { stdin, stdout, ...props } = options;
  const app = render(<QuizApp {...props} />, {
    ...(stdin ? { stdin } : {}),
    ...(stdout ? { stdout } : {}),
    exitOnCtrlC: true,
    patchConsole: false,
  });
  await app.waitUntilExit();
}
