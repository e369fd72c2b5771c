/**
 * Whether any worksheet of an .xlsx declares merged cells. The streaming reader cannot give a
 * merged cell's value to every row it covers (the merge list comes after the rows), so such a
 * workbook is read whole. The ZIP is read through its central directory by the package reader
 * (exact sizes, no guessing where an entry ends) and each sheet inflated piece by piece.
 */
import { openZipBuffer, openZipReader } from '../sync/zip-reader.js';

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
const NEEDLE = Buffer.from('<mergeCell ');

async function contains(chunks: AsyncIterable<Uint8Array>, needle: Buffer): Promise<boolean> {
  let tail: Buffer = Buffer.alloc(0);
  for await (const chunk of chunks) {
    const piece = Buffer.concat([tail, chunk]);
    if (piece.includes(needle)) return true;
    tail = piece.subarray(Math.max(0, piece.length - needle.length));
  }
  return false;
}

/** `xlsx` is the file's bytes or its path. */
export async function xlsxHasMergedCells(xlsx: Buffer | { path: string }): Promise<boolean> {
  const zip = Buffer.isBuffer(xlsx) ? await openZipBuffer(xlsx) : await openZipReader(xlsx.path);
  try {
    for (const entry of zip.entries().filter((e) => WORKSHEET.test(e.name))) {
      if (await contains(zip.read(entry.name), NEEDLE)) return true;
    }
    return false;
  } finally {
    await zip.close();
  }
}
