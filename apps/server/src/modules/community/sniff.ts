import type { AttachmentType } from '@engawa/shared';

/**
 * Decides what an uploaded file IS from its bytes, never from its name or declared type: a file
 * called `photo.png` that holds HTML or SVG is refused. The name only picks between text flavours
 * (plain, Markdown, CSV) once the bytes have proven to be text, and text is always served as a
 * download with `nosniff`. Office files are accepted only when the ZIP directory looks like Word,
 * Excel or PowerPoint and carries no macros.
 */
export interface Sniffed {
  contentType: AttachmentType;
  family: 'image' | 'document';
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

function startsWith(buf: Buffer, bytes: number[], at = 0): boolean {
  if (buf.length < at + bytes.length) return false;
  return bytes.every((b, i) => buf[at + i] === b);
}

export function sniffFileType(buf: Buffer, fileName: string): Sniffed | null {
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { contentType: 'image/png', family: 'image' };
  }
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return { contentType: 'image/jpeg', family: 'image' };
  if (startsWith(buf, [0x47, 0x49, 0x46, 0x38]) && (buf[4] === 0x37 || buf[4] === 0x39) && buf[5] === 0x61) {
    return { contentType: 'image/gif', family: 'image' };
  }
  if (startsWith(buf, [0x52, 0x49, 0x46, 0x46]) && startsWith(buf, [0x57, 0x45, 0x42, 0x50], 8)) {
    return { contentType: 'image/webp', family: 'image' };
  }
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) {
    return { contentType: 'application/pdf', family: 'document' };
  }
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    const office = officeType(zipEntryNames(buf));
    return office ? { contentType: office, family: 'document' } : null;
  }
  if (isPlainText(buf)) return { contentType: textFlavour(fileName), family: 'document' };
  return null;
}

function textFlavour(fileName: string): AttachmentType {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (ext === 'md' || ext === 'markdown') return 'text/markdown';
  if (ext === 'csv') return 'text/csv';
  return 'text/plain';
}

/**
 * Text: no NUL or other control bytes (tab, line breaks, form feed and ESC allowed), and not markup
 * (SVG, HTML and XML start with `<`; they are refused rather than stored as "text").
 */
function isPlainText(buf: Buffer): boolean {
  if (buf.length === 0) return false;
  for (const b of buf) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) return false;
    if (b === 0x7f) return false;
  }
  let start = startsWith(buf, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (start < buf.length && (buf[start] === 0x20 || (buf[start]! >= 0x09 && buf[start]! <= 0x0d))) start++;
  return buf[start] !== 0x3c; /* < */
}

function officeType(names: string[] | null): AttachmentType | null {
  if (!names || !names.includes('[Content_Types].xml')) return null;
  if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n))) return null; // macros
  if (names.some((n) => n.startsWith('word/'))) return DOCX;
  if (names.some((n) => n.startsWith('xl/'))) return XLSX;
  if (names.some((n) => n.startsWith('ppt/'))) return PPTX;
  return null;
}

/** File names from a ZIP's central directory, or null when the directory cannot be read. */
export function zipEntryNames(buf: Buffer): string[] | null {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count && n < 10_000; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    if (p + 46 + nameLen > buf.length) return null;
    names.push(buf.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}
