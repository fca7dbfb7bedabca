// @masdrill/quiz — public API listed explicitly (being built).
