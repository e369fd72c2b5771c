/**
 * Whether any worksheet of an .xlsx declares merged cells. The streaming reader cannot give a
 * merged cell's value to every row it covers (the merge list comes after the rows), so such a
 * workbook is read whole. Entries are found through the ZIP's central directory (exact sizes,
 * no guessing where an entry ends) and inflated piece by piece, so memory stays small.
 */
import { createInflateRaw } from 'node:zlib';
import { Readable } from 'node:stream';

const EOCD_SIG = 0x06054b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
const NEEDLE = Buffer.from('<mergeCell ');

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

function centralDirectory(zip: Buffer): Entry[] {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a ZIP file (no end of central directory)');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== CENTRAL_SIG) throw new Error('damaged ZIP central directory');
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      localOffset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

function entryData(zip: Buffer, entry: Entry): Buffer {
  const at = entry.localOffset;
  if (zip.readUInt32LE(at) !== LOCAL_SIG) throw new Error(`damaged ZIP entry ${entry.name}`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  return zip.subarray(start, start + entry.compressedSize);
}

async function contains(chunks: AsyncIterable<Buffer>, needle: Buffer): Promise<boolean> {
  let tail = Buffer.alloc(0);
  for await (const chunk of chunks) {
    const piece = Buffer.concat([tail, chunk]);
    if (piece.includes(needle)) return true;
    tail = piece.subarray(Math.max(0, piece.length - needle.length));
  }
  return false;
}

export async function xlsxHasMergedCells(xlsx: Buffer): Promise<boolean> {
  for (const entry of centralDirectory(xlsx).filter((e) => WORKSHEET.test(e.name))) {
    const data = entryData(xlsx, entry);
    const pieces = Readable.from([data]);
    const xml = entry.method === 0 ? pieces : pieces.pipe(createInflateRaw());
    if (await contains(xml, NEEDLE)) return true;
  }
  return false;
}
