// Prints the corpus's recall and precision: `npx tsx test/lint-corpus/measure.ts`.
import { measure, report } from './corpus.js';

console.log(report(await measure()));
