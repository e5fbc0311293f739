// Worker-thread entry in plain JavaScript: Node 20 ignores `--import tsx` in a worker's execArgv, so the worker
// registers tsx itself and then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
