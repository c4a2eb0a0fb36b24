// The reader thread's entry point. Breachline runs from its TypeScript source through tsx, and
// Node 20 does not give worker threads the main thread's module hooks: register them here first.
import { register } from 'tsx/esm/api';

register();
await import('./reader-thread.ts');
