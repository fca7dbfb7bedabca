/**
 * The generator's version, recorded in every case's provenance. Bump it whenever the bytes a
 * (seed, index, kind, difficulty) produces change, and regenerate cases/golden/.
 */
export const GENERATOR_VERSION = '0.8.0';
