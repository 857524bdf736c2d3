// The package as a zip: the bytes fflate's zipSync writes (each part deflated on its own at fflate's default level,
// stored in the given order, no extra fields or comments), with every entry dated from the content's date at 00:00,
// never the clock (zipSync would take it). The parts the same in every document are deflated once per process: fflate
// deflates each part on its own, so a part's deflated bytes depend on nothing but its own bytes.
// test/unit/shared-work.test.ts checks the bytes against zipSync's.
import { deflateSync } from 'fflate';
import { held } from '../../memo.js';
import * as zlib from 'node:zlib';

/** The CRC-32 of `bytes`: Node's own (20.15 and later), else worked out here, as zip's checksum of each part. */
const crc32: (bytes: Uint8Array) => number = typeof zlib.crc32 === 'function' ? (bytes) => zlib.crc32(bytes) : slowCrc32;

let table: Uint32Array | undefined;
/** CRC-32 (zip's, IEEE) in JavaScript, for a Node without zlib.crc32. */
export function slowCrc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let crc = 0xffffffff;
  for (const b of bytes) crc = table[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The DOS date of `iso` (YYYY-MM-DD) and the time 00:00. */
function dosDateTime(iso: string): { date: number; time: number } {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { date: ((y - 1980) << 9) | (m << 5) | d, time: 0 };
}

/** A part of the package: its path, its bytes, and whether the same bytes are in every document (`once`). */
export interface ZipPart {
  path: string;
  bytes: Uint8Array;
  once?: boolean;
}

interface Deflated {
  name: Uint8Array;
  crc: number;
  size: number;
  data: Uint8Array;
}

const encoder = new TextEncoder();
/** The parts deflated before, by their bytes (the package's fixed parts are the same arrays in every document). */
const deflatedOnce = new WeakMap<Uint8Array, Map<string, Deflated>>();

function deflated(part: ZipPart): Deflated {
  const make = () => ({ name: encoder.encode(part.path), crc: crc32(part.bytes), size: part.bytes.length, data: deflateSync(part.bytes) });
  if (!part.once) return make();
  return held(
    held(deflatedOnce, part.bytes, () => new Map<string, Deflated>()),
    part.path,
    make,
  );
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

/** The zip of `parts` in their order, every entry dated `iso` (YYYY-MM-DD). */
export function zipParts(parts: ZipPart[], iso: string): Uint8Array {
  const { date, time } = dosDateTime(iso);
  const entries = parts.map(deflated);
  let local = 0;
  let central = 0;
  for (const e of entries) {
    local += 30 + e.name.length + e.data.length;
    central += 46 + e.name.length;
  }
  const out = new Uint8Array(local + central + 22);
  const view = new DataView(out.buffer);
  // The fields both headers share, from the version needed on: version 2.0, no flags, deflated.
  const common = (at: number, e: Deflated) => {
    view.setUint16(at, 20, true);
    view.setUint16(at + 4, 8, true);
    view.setUint16(at + 6, time, true);
    view.setUint16(at + 8, date, true);
    view.setUint32(at + 10, e.crc, true);
    view.setUint32(at + 14, e.data.length, true);
    view.setUint32(at + 18, e.size, true);
    view.setUint16(at + 22, e.name.length, true);
  };
  let at = 0;
  let dir = local;
  for (const e of entries) {
    view.setUint32(at, LOCAL, true);
    common(at + 4, e);
    out.set(e.name, at + 30);
    out.set(e.data, at + 30 + e.name.length);
    view.setUint32(dir, CENTRAL, true);
    // Made by version 2.0 (MS-DOS); no comment, disk 0, no attributes.
    view.setUint16(dir + 4, 20, true);
    common(dir + 6, e);
    view.setUint32(dir + 42, at, true);
    out.set(e.name, dir + 46);
    at += 30 + e.name.length + e.data.length;
    dir += 46 + e.name.length;
  }
  view.setUint32(dir, END, true);
  view.setUint16(dir + 8, entries.length, true);
  view.setUint16(dir + 10, entries.length, true);
  view.setUint32(dir + 12, central, true);
  view.setUint32(dir + 16, local, true);
  return out;
}
