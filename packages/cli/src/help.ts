export const DISCLAIMER = 'For education and simulation only: synthetic patients, not clinical decision support.';

export const MAIN_HELP = `masdrill — drills for pediatric macrophage activation syndrome (MAS) and its mimics.
${DISCLAIMER}

Usage: masdrill                 start a drill (a random case; weighted towards your weak topics)
       masdrill <command> [flags]

Commands:
  evaluate <file|->   apply every diagnostic criteria set to one case (JSON) or many (JSONL)
  exam                an exam set in every LMS format: --out exam/ [--n 20 --mix … --seed N]; exam grade --exam d --responses f.csv
  generate            labelled synthetic patients (JSONL, JSON or CSV), reproducible from a seed
  grade               score a management plan against the guideline: --case <file> --plan <file>
  play                play a teaching scenario headless: --scenario <file|id> | --kind K --seed N [--answers f] [--json]
  quiz                the drill: --scenario <file|id> | --kind K --seed N, --units, --plain, --cases N
  stats               your progress by topic and the statements you miss most (--json)
  sweep --out DIR     criteria performance on a labelled synthetic cohort: figures, CSV/JSON, HTML report
  validate <path…>    check case, plan, scenario and answers files; every problem with file, line and fix
  help [command]      show help (also: masdrill <command> --help)
  --version           the version of masdrill and of its generator

Files: "-" reads standard input wherever a file is named; FIFOs read like files. Bad input gets
one message naming the file, line, field and fix, and exit code 2.

Run "masdrill <command> --help" for a command's flags.
`;
