#!/usr/bin/env node
// The command: plain JavaScript compiled from src/ (bin/compile.js; compiled again first if a source changed).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compiled } from './compile.js';

const { main } = await import(pathToFileURL(path.join(await compiled(), 'cli.js')).href);
process.exitCode = await main(process.argv.slice(2), process.stdout, process.stderr, process.stdin);
