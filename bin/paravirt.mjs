#!/usr/bin/env node
// The `paravirt` command. It runs the TypeScript CLI through tsx, so that
// `npx paravirt ...` works right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
