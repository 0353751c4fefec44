/** Reading shared files: PDF and .docx text, the limits, and where the bot token may be sent. */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_LIMITS, fileKindOf, readableFiles, readSlackFile } from '../src/files.ts';
import { makeDocx, makePdf } from './support/documents.ts';

const TOKEN = 'xoxb-files-test';
const served = new Map<string, Buffer | 'endless'>();
const seen: { path: string; authorization: string | undefined }[] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', authorization: req.headers.authorization });
    const body = served.get(req.url ?? '');
    if (!body || req.headers.authorization !== `Bearer ${TOKEN}`) {
      res.writeHead(404);
      res.end();
      return;
    }
    if (body === 'endless') {
      // A file whose size the payload did not say, larger than the limit: PyHire stops reading it.
      const chunk = Buffer.alloc(64 * 1024, 1);
      const write = () => {
        while (res.write(chunk)) if (res.writableLength > FILE_LIMITS.maxBytes * 2) return res.end();
        res.once('drain', write);
      };
      res.on('close', () => res.removeAllListeners('drain'));
      write();
      return;
    }
    res.end(body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const options = () => ({ token: TOKEN, apiUrl: `${base}/api/` });
const serve = (name: string, body: Buffer | 'endless') => {
  served.set(`/files/${name}`, body);
  return `${base}/files/${name}`;
};

describe('readSlackFile', () => {
  it('reads the text of a PDF, a line per line', async () => {
    const url = serve('jd.pdf', makePdf(['Senior Data Engineer', 'Strong SQL (Snowflake) & dbt']));
    const read = await readSlackFile(
      { name: 'jd.pdf', filetype: 'pdf', size: 900, url_private: url },
      options(),
    );
    expect(read).toMatchObject({ ok: true, kind: 'pdf', pages: 1, pagesRead: 1 });
    if (read.ok) expect(read.text).toBe('Senior Data Engineer\nStrong SQL (Snowflake) & dbt\n');
  });

  it('reads the first pages of a long PDF and says how many there were', async () => {
    const url = serve('long.pdf', makePdf(['page text'], FILE_LIMITS.maxPages + 4));
    const read = await readSlackFile({ name: 'long.pdf', filetype: 'pdf', url_private: url }, options());
    expect(read).toMatchObject({
      ok: true,
      pages: FILE_LIMITS.maxPages + 4,
      pagesRead: FILE_LIMITS.maxPages,
    });
  });

  it('reads a Word .docx', async () => {
    const url = serve('cv.docx', await makeDocx(['Amara Okafor', 'Django & pytest']));
    const read = await readSlackFile({ name: 'cv.docx', filetype: 'docx', url_private: url }, options());
    expect(read.ok && read.text).toContain('Django & pytest');
  });

  it('says a PDF without a text layer has no text, and a damaged file cannot be read', async () => {
    const scan = serve('scan.pdf', makePdf([]));
    expect(
      await readSlackFile({ name: 'scan.pdf', filetype: 'pdf', url_private: scan }, options()),
    ).toMatchObject({
      ok: false,
      reason: 'no-text',
    });
    const broken = serve('broken.docx', Buffer.from('not a zip at all'));
    expect(
      await readSlackFile({ name: 'broken.docx', filetype: 'docx', url_private: broken }, options()),
    ).toMatchObject({ ok: false, reason: 'unreadable' });
  });

  it('refuses a file over the size limit before downloading it, and stops a download that grows past it', async () => {
    const url = serve('big.pdf', makePdf(['x']));
    const before = seen.length;
    expect(
      await readSlackFile(
        { name: 'big.pdf', filetype: 'pdf', size: FILE_LIMITS.maxBytes + 1, url_private: url },
        options(),
      ),
    ).toMatchObject({ ok: false, reason: 'too-large' });
    expect(seen.length).toBe(before);
    const endless = serve('endless.pdf', 'endless');
    expect(
      await readSlackFile({ name: 'endless.pdf', filetype: 'pdf', url_private: endless }, options()),
    ).toMatchObject({
      ok: false,
      reason: 'too-large',
    });
  });

  it('sends the token only to Slack file hosts: never to an address a payload names', async () => {
    const before = seen.length;
    for (const url of ['https://evil.example/cv.pdf', 'http://files.slack.com/cv.pdf', 'not a url', '']) {
      expect(
        await readSlackFile({ name: 'cv.pdf', filetype: 'pdf', url_private: url }, options()),
      ).toMatchObject({
        ok: false,
        reason: 'not-allowed',
      });
    }
    // Without a configured API address, only files.slack.com is allowed: the local server is not.
    const local = serve('local.pdf', makePdf(['x']));
    expect(
      await readSlackFile({ name: 'local.pdf', filetype: 'pdf', url_private: local }, { token: TOKEN }),
    ).toMatchObject({ ok: false, reason: 'not-allowed' });
    expect(seen.length).toBe(before);
  });

  it('reads only PDF and .docx files, by type, MIME type or name', () => {
    expect(fileKindOf({ filetype: 'pdf' })).toBe('pdf');
    expect(
      fileKindOf({ mimetype: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }),
    ).toBe('docx');
    expect(fileKindOf({ name: 'Resume.PDF' })).toBe('pdf');
    expect(fileKindOf({ filetype: 'png', name: 'scan.png' })).toBeUndefined();
    expect(readableFiles([{ filetype: 'text' }, null, 'x', { filetype: 'docx' }])).toEqual([
      { filetype: 'docx' },
    ]);
    expect(readableFiles('not a list')).toEqual([]);
  });
});
