import { existsSync } from 'node:fs';

/** Debian's headless shell (what .ci/run installs), or the full chromium package. */
export const CHROMIUM_PATHS: readonly string[] = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'];

/**
 * Launch flags: no sandbox (root in containers), and no background networking (a closed network
 * refuses it, and it would count as a request).
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The Chromium to drive: MASDRILL_CHROMIUM when set (and present), else the first of
 * CHROMIUM_PATHS present. Undefined: no browser here.
 */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const given = env.MASDRILL_CHROMIUM;
  if (given !== undefined && given !== '') return existsSync(given) ? given : undefined;
  return CHROMIUM_PATHS.find((path) => existsSync(path));
}
