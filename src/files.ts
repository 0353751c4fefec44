/**
 * Reads the text of a PDF or Word (.docx) file shared in Slack, for a document check. The file is downloaded from
 * its `url_private` with the bot token (scope files:read), held in memory only, and never written or logged. The
 * token is sent to Slack's file host only (or the file host of the API address PyHire is pointed at: GovSlack, tests),
 * never to another address a payload names.
 */
import mammoth from 'mammoth';
import { getDocumentProxy } from 'unpdf';

/** The fields of a Slack file object a check reads; every one may be missing in a payload. */
export interface SlackFile {
  id?: unknown;
  name?: unknown;
  title?: unknown;
  mimetype?: unknown;
  filetype?: unknown;
  size?: unknown;
  url_private?: unknown;
  url_private_download?: unknown;
}

/** Limits on what PyHire reads: files above them are refused (size) or read in part (pages, characters). */
export const FILE_LIMITS = {
  /** Largest file downloaded. */
  maxBytes: 5 * 1024 * 1024,
  /** PDF pages read. */
  maxPages: 10,
  /** Time allowed for the download. */
  timeoutMs: 10_000,
} as const;

export type FileKind = 'pdf' | 'docx';

export type FileText =
  | {
      ok: true;
      name: string;
      kind: FileKind;
      text: string;
      pages: number | undefined;
      pagesRead: number | undefined;
    }
  | {
      ok: false;
      name: string;
      reason: 'unsupported' | 'too-large' | 'no-text' | 'unreadable' | 'download-failed' | 'not-allowed';
      /** For `too-large`: the file's size in bytes. */
      size?: number;
    };

export interface FileReaderOptions {
  token: string | undefined;
  /** Downloads the file (tests and benchmarks may stand in for the network); default: fetch with the token. */
  fetchFile?: (url: string, token: string) => Promise<Uint8Array | 'too-large'>;
  /** The Web API base URL PyHire uses, when not Slack's own (tests): its origin may serve files too. */
  apiUrl?: string;
}

/** Slack's host for `url_private` downloads. */
const SLACK_FILE_ORIGIN = 'https://files.slack.com';

/** What kind of file PyHire can read this as, if any. */
export function fileKindOf(file: SlackFile): FileKind | undefined {
  const type =
    `${String(file.filetype ?? '')} ${String(file.mimetype ?? '')} ${String(file.name ?? '')}`.toLowerCase();
  if (/\bpdf\b|application\/pdf|\.pdf\b/.test(type)) return 'pdf';
  if (/\bdocx\b|wordprocessingml|\.docx\b/.test(type)) return 'docx';
  return undefined;
}

/** The files of a message PyHire could read (PDF and .docx), in order. */
export function readableFiles(files: unknown): SlackFile[] {
  if (!Array.isArray(files)) return [];
  return files.filter(
    (f): f is SlackFile => typeof f === 'object' && f !== null && fileKindOf(f as SlackFile) !== undefined,
  );
}

/** Downloads and reads one file. Never throws: a file it cannot read says why. */
export async function readSlackFile(file: SlackFile, options: FileReaderOptions): Promise<FileText> {
  const name =
    typeof file.name === 'string' && file.name !== '' ? file.name : String(file.title ?? 'the file');
  const kind = fileKindOf(file);
  if (!kind) return { ok: false, name, reason: 'unsupported' };
  const size = Number(file.size);
  if (Number.isFinite(size) && size > FILE_LIMITS.maxBytes)
    return { ok: false, name, reason: 'too-large', size };
  const url = String(file.url_private_download ?? file.url_private ?? '');
  if (!allowedUrl(url, options.apiUrl) || !options.token) return { ok: false, name, reason: 'not-allowed' };
  let data: Uint8Array;
  try {
    const downloaded = await (options.fetchFile ?? download)(url, options.token);
    if (downloaded === 'too-large') return { ok: false, name, reason: 'too-large', size };
    data = downloaded;
  } catch {
    return { ok: false, name, reason: 'download-failed' };
  }
  try {
    if (kind === 'pdf') {
      const { text, pages, pagesRead } = await pdfText(data);
      return text.trim() === ''
        ? { ok: false, name, reason: 'no-text' }
        : { ok: true, name, kind, text, pages, pagesRead };
    }
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(data) });
    return value.trim() === ''
      ? { ok: false, name, reason: 'no-text' }
      : { ok: true, name, kind, text: value, pages: undefined, pagesRead: undefined };
  } catch {
    return { ok: false, name, reason: 'unreadable' };
  }
}

/** True for an https URL on Slack's file host, or on the origin of the API URL PyHire was pointed at. */
function allowedUrl(url: string, apiUrl: string | undefined): boolean {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return false;
  }
  if (origin === SLACK_FILE_ORIGIN) return true;
  if (apiUrl === undefined) return false;
  try {
    // Tests serve files from the fake API itself; GovSlack (slack-gov.com) from files.slack-gov.com.
    const api = new URL(apiUrl);
    return origin === api.origin || origin === `https://files.${api.hostname}`;
  } catch {
    return false;
  }
}

/** The file's bytes, or 'too-large' as soon as more than the limit arrives. */
async function download(url: string, token: string): Promise<Uint8Array | 'too-large'> {
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${token}` },
    redirect: 'error',
    signal: AbortSignal.timeout(FILE_LIMITS.timeoutMs),
  });
  if (!response.ok || !response.body) throw new Error(`status ${response.status}`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > FILE_LIMITS.maxBytes) return 'too-large';
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Text of a PDF's first pages, a line per text line. */
async function pdfText(data: Uint8Array): Promise<{ text: string; pages: number; pagesRead: number }> {
  // pdf.js takes a plain Uint8Array (not a Buffer) and may detach it: give it a copy.
  const pdf = await getDocumentProxy(new Uint8Array(data));
  try {
    const pagesRead = Math.min(pdf.numPages, FILE_LIMITS.maxPages);
    const parts: string[] = [];
    for (let n = 1; n <= pagesRead; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      for (const item of content.items) {
        if (!('str' in item)) continue;
        parts.push(item.str);
        if (item.hasEOL) parts.push('\n');
      }
      parts.push('\n');
    }
    return { text: parts.join(''), pages: pdf.numPages, pagesRead };
  } finally {
    await pdf.loadingTask.destroy();
  }
}
