/** The zip container (src/xlsx/zip.ts): entries copied raw, new ones deflated, limits on inflating. */
import * as zlib from 'zlib';
import JSZip from 'jszip';
import { ZipArchive, ZipError, ZipSizeError, crc32, writeZip, type OutEntry } from '../src/xlsx/zip';
import { zipEntries } from './xlsxHelpers';

async function sample(streamFiles = false): Promise<Buffer> {
  const z = new JSZip();
  z.file('[Content_Types].xml', '<Types/>');
  z.file('xl/worksheets/sheet1.xml', '<worksheet>' + 'x'.repeat(5000) + '</worksheet>');
  z.file('xl/media/图片.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), { compression: 'STORE' });
  z.folder('xl/empty');
  return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', streamFiles });
}

describe('zip', () => {
  test.each([false, true])('entries copied raw come out byte for byte (data descriptors: %s), and JSZip reads the result', async (streamFiles) => {
    const input = await sample(streamFiles);
    const zip = new ZipArchive(input);
    if (streamFiles) expect(zip.entries.some((e) => e.flags & 0x08)).toBe(true);
    const out = writeZip(zip, zip.entries.map((entry): OutEntry => ({ kind: 'copy', entry })), new Date());
    const a = zipEntries(input);
    const b = zipEntries(out);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [name, e] of a) {
      expect([name, b.get(name)!.raw.equals(e.raw), b.get(name)!.method, b.get(name)!.crc]).toEqual([name, true, e.method, e.crc]);
    }
    const back = await JSZip.loadAsync(out, { checkCRC32: true });
    expect(await back.file('xl/worksheets/sheet1.xml')!.async('string')).toContain('x'.repeat(5000));
    expect(new ZipArchive(out).text('xl/media/图片.png')).not.toBeNull();
  });

  test('a replaced entry keeps its name and place; a new one is added with a correct CRC and a UTF-8 name', async () => {
    const zip = new ZipArchive(await sample());
    const sheet = zip.get('xl/worksheets/sheet1.xml')!;
    const out = writeZip(
      zip,
      [
        ...zip.entries.map((entry): OutEntry => (entry === sheet ? { kind: 'new', name: entry.name, data: Buffer.from('<worksheet/>'), like: entry } : { kind: 'copy', entry })),
        { kind: 'new', name: 'xl/worksheets/报告.xml', data: Buffer.from('<worksheet>报告</worksheet>') },
      ],
      new Date(2024, 2, 1, 8, 0, 0),
    );
    const back = await JSZip.loadAsync(out, { checkCRC32: true });
    expect(await back.file('xl/worksheets/sheet1.xml')!.async('string')).toBe('<worksheet/>');
    expect(await back.file('xl/worksheets/报告.xml')!.async('string')).toBe('<worksheet>报告</worksheet>');
    expect(Object.keys(back.files).indexOf('xl/worksheets/sheet1.xml')).toBe(Object.keys((await JSZip.loadAsync(await sample())).files).indexOf('xl/worksheets/sheet1.xml'));
    expect(back.file('xl/worksheets/报告.xml')!.date.getFullYear()).toBe(2024);
  });

  test('part names are found case-insensitively, with or without a leading slash', async () => {
    const zip = new ZipArchive(await sample());
    expect(zip.get('/XL/Worksheets/Sheet1.xml')?.name).toBe('xl/worksheets/sheet1.xml');
  });

  test('crc32 is the zip one', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  test('inflating stops at the limit: a declared size over it, and a part that lies about its size', async () => {
    const big = Buffer.alloc(4 * 1024 * 1024, 0x20);
    const z = new JSZip();
    z.file('a.xml', big);
    const buf = await z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const zip = new ZipArchive(buf);
    expect(() => zip.read(zip.get('a.xml')!, 1024 * 1024)).toThrow(ZipSizeError);
    // The central directory claims 100 bytes: the inflater's own limit still stops it.
    const lying = Buffer.from(buf);
    const cd = lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    lying.writeUInt32LE(100, cd + 24);
    const z2 = new ZipArchive(lying);
    expect(() => z2.read(z2.get('a.xml')!, 1024 * 1024)).toThrow(ZipSizeError);
    expect(zip.read(zip.get('a.xml')!).length).toBe(big.length);
  });

  test('head() inflates only the beginning of a part', async () => {
    const zip = new ZipArchive(await sample());
    const head = zip.head(zip.get('xl/worksheets/sheet1.xml')!, 100).toString();
    expect(head.startsWith('<worksheet>xxx')).toBe(true);
    expect(head.length).toBeLessThanOrEqual(100);
  });

  test('a truncated or foreign archive is a ZipError', async () => {
    const buf = await sample();
    expect(() => new ZipArchive(buf.subarray(0, buf.length - 30))).toThrow(ZipError);
    expect(() => new ZipArchive(Buffer.from('PK not really'))).toThrow(ZipError);
    expect(zlib.inflateRawSync(zipEntries(buf).get('xl/worksheets/sheet1.xml')!.raw).length).toBe(5000 + 23);
  });
});
