#!/usr/bin/env node
// The installed command. A committed shim, so package managers can link the bin before the build
// has produced dist/ (pnpm links bins before running the workspace's prepare script).
await import('../dist/bin.js');
