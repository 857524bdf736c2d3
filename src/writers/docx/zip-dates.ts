// docx 9 stamps every zip entry with the clock's local time and has no option against it. Setting the DOS
// date/time fields of every local header and central-directory entry to one fixed date makes the bytes repeatable.

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

function dosDateTime(iso: string): { date: number; time: number } {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { date: ((y - 1980) << 9) | (m << 5) | d, time: 0 };
}

/** Dates every entry of `zip` `iso` (YYYY-MM-DD, 00:00), in place; returns it. */
export function setZipDates(zip: Uint8Array, iso: string): Uint8Array {
  const out = zip;
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const { date, time } = dosDateTime(iso);
  let end = out.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== END) end--;
  if (end < 0) throw new Error('not a zip file: no end of central directory');
  const entries = view.getUint16(end + 10, true);
  let p = view.getUint32(end + 16, true);
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(p, true) !== CENTRAL) throw new Error('zip central directory is damaged');
    view.setUint16(p + 12, time, true);
    view.setUint16(p + 14, date, true);
    const local = view.getUint32(p + 42, true);
    if (view.getUint32(local, true) !== LOCAL) throw new Error('zip local header is damaged');
    view.setUint16(local + 10, time, true);
    view.setUint16(local + 12, date, true);
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return out;
}
