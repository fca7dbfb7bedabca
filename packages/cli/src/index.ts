// @masdrill/cli — the masdrill command. Public API for tests and embedding.
export { main, type Io } from './main.js';
export { CliError } from './cli-error.js';
export { DISCLAIMER } from './help.js';
