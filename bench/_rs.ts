import { benchReviewSpeed } from './review-speed.ts';

console.log((await benchReviewSpeed()).join('\n'));
