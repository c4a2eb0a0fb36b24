#!/usr/bin/env node
// The package's `breachline` bin. The project runs its TypeScript through tsx (as `npm start` does),
// so this shim registers tsx and hands over to the CLI.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('./main.ts');
await runCli(process.argv);
