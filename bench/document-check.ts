/**
 * Document check speed: a job description or resume from the labeled writers checked end to end (kind, roles,
 * must-haves or flags, findings), and reading a PDF and a .docx of resume length.
 */
import { documentSets } from '../scripts/document-data.ts';
import { readSlackFile } from '../src/files.ts';
import { checkDocument, loadKnowledge } from '../src/knowledge/index.ts';
import { makeDocx, makePdf } from '../test/support/documents.ts';
import { fmt, nowMs, percentile } from './support.ts';

const RUNS = 1_000;

export async function benchDocumentCheck(): Promise<string[]> {
  const knowledge = loadKnowledge(new URL('../knowledge/', import.meta.url).pathname);
  const documents = documentSets('design').flatMap((s) => s.documents.filter((d) => d.kind !== 'message'));
  for (const d of documents) checkDocument(knowledge, d.text); // warm-up
  const checks = Array.from({ length: RUNS }, (_, i) => {
    const t = nowMs();
    checkDocument(knowledge, (documents[i % documents.length] as { text: string }).text);
    return nowMs() - t;
  });
  const longest = Math.max(...documents.map((d) => d.text.length));
  // The download is stood in for: what is measured is the text extraction.
  const lines = (documents[0]?.text ?? '').split('\n');
  const pdf = makePdf(lines, 2);
  const docx = await makeDocx(lines);
  const extract = async (data: Buffer, filetype: string) => {
    const times: number[] = [];
    for (let i = 0; i < 60; i++) {
      const t = nowMs();
      await readSlackFile(
        { name: `cv.${filetype}`, filetype, url_private: 'https://files.slack.com/x' },
        { token: 'xoxb-bench', fetchFile: async () => data },
      );
      if (i >= 10) times.push(nowMs() - t); // the first ten warm up
    }
    return times;
  };
  const pdfTimes = await extract(pdf, 'pdf');
  const docxTimes = await extract(docx, 'docx');
  return [
    `Document check (${RUNS.toLocaleString('en')} checks over ${documents.length} labeled job descriptions and resumes, up to ${longest.toLocaleString('en')} characters)`,
    `  check:             p50 ${fmt(percentile(checks, 50))}   p99 ${fmt(percentile(checks, 99))}   max ${fmt(Math.max(...checks))}`,
    `  PDF text (2 pages): p50 ${fmt(percentile(pdfTimes, 50))}   p99 ${fmt(percentile(pdfTimes, 99))}`,
    `  .docx text:        p50 ${fmt(percentile(docxTimes, 50))}   p99 ${fmt(percentile(docxTimes, 99))}`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) console.log((await benchDocumentCheck()).join('\n'));
