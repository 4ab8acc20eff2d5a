#!/usr/bin/env node
// Entry point for `npx spikelab`: runs the TypeScript CLI through tsx's loader so that
// no build step stands between `npm install` and a working command.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

register();
const root = dirname(dirname(fileURLToPath(import.meta.url)));
const { main } = await import(join(root, 'src/cli/main.ts'));
process.exitCode = await main(process.argv.slice(2));
