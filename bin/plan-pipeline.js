#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx plan-pipeline build` works without a compile step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), process.stdout, process.stderr, process.stdin);
