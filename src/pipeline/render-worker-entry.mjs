// Worker threads do not inherit a TypeScript loader in every host (vitest, plain node): register tsx here.
import { register } from 'tsx/esm/api';

register();
await import('./render-worker.ts');
