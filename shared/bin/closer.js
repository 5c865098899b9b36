#!/usr/bin/env node
// The `closer` CLI. The core is TypeScript run as-is through tsx, so there is no build step to forget.
import { register } from 'tsx/esm/api';

register();
const { runCli, processIo } = await import('../node/cli.ts');
const code = await runCli(process.argv.slice(2), processIo());
// Let stdout drain before exiting, so piped output is never cut short.
process.exitCode = code;
