/** `npm run bench`: every benchmark, with the machine it ran on. Numbers are printed, never asserted. */
import { cpus, totalmem } from 'node:os';
import { benchDocumentCheck } from './document-check.ts';
import { benchKnowledgeScale } from './knowledge-scale.ts';
import { benchLoad } from './load.ts';
import { benchReviewSpeed } from './review-speed.ts';
import { benchStoreLoad } from './store-load.ts';

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
console.log(`PyHire benchmarks on ${machine}\n`);
console.log(`${benchKnowledgeScale().join('\n')}\n`);
console.log(`${(await benchReviewSpeed()).join('\n')}\n`);
console.log(`${(await benchDocumentCheck()).join('\n')}\n`);
console.log(`${(await benchLoad()).join('\n')}\n`);
console.log((await benchStoreLoad()).join('\n'));
