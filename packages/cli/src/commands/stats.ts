import { attemptStats, parseAttemptLog, type AttemptStats } from '@masdrill/quiz';
import { attemptLogPath, dataDir, readAttemptLog } from '../attempt-log-file.js';
import { CliError } from '../cli-error.js';
import type { Io } from '../main.js';
import { parseFlags } from '../parse-flags.js';

export const STATS_HELP = `masdrill stats — your progress over the drills you finished.

Usage: masdrill stats [--json] [--data-dir <dir>]

  --json            the figures as JSON
  --data-dir <dir>  where the attempt log is (default: MASDRILL_DATA_DIR, else the user's data directory)

Accuracy by topic (diagnosis, criteria, first line, dosing, escalation, infection, critical care,
pitfalls) with the earlier and recent halves as a trend; the guideline statements most often missed.
A corrupt or foreign line in the log is reported and skipped.
`;

const pct = (x: number) => `${Math.round(x * 100)}%`;
const SPARK = '▁▂▃▄▅▆▇█';

function formatStats(s: AttemptStats, log: string): string {
  const out: string[] = [];
  if (!s.cases) return `No finished cases yet in ${log}. Run "masdrill" to drill one.\n`;
  out.push(`${s.cases} case(s) finished; mean score ${Math.round(s.meanOverall * 10) / 10}/100.`);
  out.push(
    `Scores over time: ${s.overallByAttempt
      .slice(-40)
      .map((x) => SPARK[Math.min(7, Math.floor((x / 100) * 8))])
      .join('')} (oldest first, last 40)`,
  );
  out.push('');
  out.push('Topic           cases  accuracy  trend (earlier → recent)');
  for (const t of s.topics) {
    const trend =
      t.earlier !== undefined && t.recent !== undefined
        ? `${pct(t.earlier)} → ${pct(t.recent)} ${t.recent > t.earlier ? '↑ better' : t.recent < t.earlier ? '↓ worse' : '→ same'}`
        : '(one case)';
    out.push(`${t.topic.padEnd(15)} ${String(t.attempts).padStart(5)}  ${pct(t.accuracy).padStart(8)}  ${trend}`);
  }
  if (s.mostMissed.length) {
    out.push('');
    out.push('Statements most often behind a mistake:');
    for (const m of s.mostMissed) out.push(`  ${m.id} (${m.count}×): ${m.text}`);
  }
  return out.join('\n') + '\n';
}

export async function statsCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parseFlags(
    'stats',
    argv,
    { json: { type: 'boolean' }, 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    false,
  );
  if (values.help) {
    io.stdout.write(STATS_HELP);
    return 0;
  }
  const dir = dataDir(values['data-dir'] as string | undefined);
  let text: string;
  try {
    text = readAttemptLog(dir);
  } catch (error) {
    throw new CliError(
      `masdrill stats: cannot read the attempt log ${attemptLogPath(dir)} (${(error as NodeJS.ErrnoException).code ?? String(error)}). Fix: check the path and its permissions, or give --data-dir.`,
    );
  }
  const { attempts, problems } = parseAttemptLog(text);
  for (const p of problems)
    io.stderr.write(`masdrill stats: ${attemptLogPath(dir)} line ${p.line}: ${p.message}; skipped.\n`);
  const stats = attemptStats(attempts);
  io.stdout.write(
    values.json
      ? JSON.stringify({ log: attemptLogPath(dir), ...stats, skippedLines: problems }, null, 2) + '\n'
      : formatStats(stats, attemptLogPath(dir)),
  );
  return 0;
}
