// @masdrill/generator — seeded synthetic patients. Public API listed explicitly.
export const GENERATOR_VERSION = '0.1.0';
