import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { sniffFileType, zipEntryNames } from './sniff.ts';
import { DOCX_FILES, makePng, makeZip } from './testing.ts';

const image = (format: 'jpeg' | 'gif' | 'webp') =>
  sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
    .toFormat(format)
    .toBuffer();

describe('content-type sniffing (by bytes, never by name)', () => {
  it('recognises images whatever their name says', async () => {
    expect(sniffFileType(await makePng(4, 4), 'report.pdf')).toEqual({
      contentType: 'image/png',
      family: 'image',
    });
    expect(sniffFileType(await image('jpeg'), 'a.png')?.contentType).toBe('image/jpeg');
    expect(sniffFileType(await image('gif'), 'a.txt')?.contentType).toBe('image/gif');
    expect(sniffFileType(await image('webp'), 'a')?.contentType).toBe('image/webp');
  });

  it('recognises PDF and Office files (Word, Excel, PowerPoint) from their structure', () => {
    expect(sniffFileType(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'x.bin')?.contentType).toBe(
      'application/pdf',
    );
    expect(sniffFileType(makeZip(DOCX_FILES), 'x.zip')?.contentType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(
      sniffFileType(makeZip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<w/>' }), 'x')
        ?.contentType,
    ).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(
      sniffFileType(makeZip({ '[Content_Types].xml': '<Types/>', 'ppt/presentation.xml': '<p/>' }), 'x')
        ?.contentType,
    ).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
  });

  it('accepts text, choosing plain / Markdown / CSV by extension only once the bytes are text', () => {
    expect(sniffFileType(Buffer.from('# 見出し\n本文'), 'memo.md')?.contentType).toBe('text/markdown');
    expect(sniffFileType(Buffer.from('名前,部署\n佐藤,人事\n'), 'list.csv')?.contentType).toBe('text/csv');
    expect(sniffFileType(Buffer.from('ただのテキスト'), 'note.png')?.contentType).toBe('text/plain');
    // Shift_JIS CSV from Excel (not UTF-8) is still text.
    expect(
      sniffFileType(Buffer.from([0x96, 0xbc, 0x91, 0x4f, 0x2c, 0x0d, 0x0a]), 'sjis.csv')?.contentType,
    ).toBe('text/csv');
  });

  it('refuses SVG, HTML and XML even when named like an image or text', () => {
    expect(
      sniffFileType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'a.png'),
    ).toBeNull();
    expect(sniffFileType(Buffer.from('\ufeff  <?xml version="1.0"?><svg/>'), 'a.svg')).toBeNull();
    expect(sniffFileType(Buffer.from('<!DOCTYPE html><script>alert(1)</script>'), 'a.txt')).toBeNull();
  });

  it('refuses binaries, plain ZIPs, macro-enabled Office files and empty files', () => {
    expect(sniffFileType(Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), 'setup.png')).toBeNull();
    expect(sniffFileType(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02]), 'a.txt')).toBeNull();
    expect(sniffFileType(makeZip({ 'readme.txt': 'hi' }), 'a.docx')).toBeNull();
    expect(sniffFileType(makeZip({ ...DOCX_FILES, 'word/vbaProject.bin': 'x' }), 'a.docx')).toBeNull();
    expect(sniffFileType(Buffer.from('PK\x03\x04broken', 'latin1'), 'a.docx')).toBeNull();
    expect(sniffFileType(Buffer.alloc(0), 'a.txt')).toBeNull();
  });

  it('reads ZIP central directories, and rejects truncated ones', () => {
    expect(zipEntryNames(makeZip({ 'a.txt': '1', 'b/c.xml': '2' }))).toEqual(['a.txt', 'b/c.xml']);
    const zip = makeZip(DOCX_FILES);
    expect(zipEntryNames(zip.subarray(0, zip.length - 30))).toBeNull();
  });
});
