#!/usr/bin/env node
/**
 * Builds vtigercrmconnector.zip at the repository root, ready for PrestaShop's module manager
 * ("Upload a module"): the archive's top folder is the module's name, vtigercrmconnector/, and every
 * folder has an index.php (one is added to any folder that lacks it).
 *
 * Node built-ins only: a minimal ZIP writer (deflate through zlib, CRC-32 from zlib.crc32 when the Node
 * version has it, else a table). Names are stored as UTF-8, Unix permissions 644/755. File times are the
 * files' mtimes, or SOURCE_DATE_EPOCH when set (reproducible builds).
 *
 * Usage: node prestashop-module/build-zip.mjs [output path]
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = dirname(here);
const moduleName = "vtigercrmconnector";
const moduleDir = join(here, moduleName);
const output = resolve(process.argv[2] ?? join(repoRoot, `${moduleName}.zip`));

/** Files PrestaShop writes into a module folder at runtime, or editor/OS litter: never shipped. */
const EXCLUDED = [/^\./, /^config(_[a-z]{2})?\.xml$/, /^Thumbs\.db$/, /~$/];

const INDEX_PHP = `<?php
/**
 * Directory listing guard (PrestaShop convention: every folder of a module has one).
 */
header('Expires: Mon, 26 Jul 1997 05:00:00 GMT');
header('Last-Modified: ' . gmdate('D, d M Y H:i:s') . ' GMT');
header('Cache-Control: no-store, no-cache, must-revalidate');
header('Cache-Control: post-check=0, pre-check=0', false);
header('Pragma: no-cache');
header('Location: ../');
exit;
`;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(data) {
  if (typeof zlib.crc32 === "function") return zlib.crc32(data) >>> 0;
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function dosDateTime(date) {
  const year = Math.max(1980, date.getFullYear());
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/** Collects [zip path, data | null for a folder, mtime], folders first, sorted, adding missing index.php files. */
function collect(dir, zipPrefix, entries, added) {
  const names = readdirSync(dir).filter((name) => !EXCLUDED.some((re) => re.test(name))).sort();
  const mtime = statSync(dir).mtime;
  entries.push([`${zipPrefix}/`, null, mtime]);
  if (!names.includes("index.php")) {
    entries.push([`${zipPrefix}/index.php`, Buffer.from(INDEX_PHP), mtime]);
    added.push(`${zipPrefix}/index.php`);
  }
  for (const name of names) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) collect(path, `${zipPrefix}/${name}`, entries, added);
    else if (stat.isFile()) entries.push([`${zipPrefix}/${name}`, readFileSync(path), stat.mtime]);
  }
  return entries;
}

const fixedDate = process.env.SOURCE_DATE_EPOCH ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000) : null;
const added = [];
const entries = collect(moduleDir, moduleName, [], added);

const locals = [];
const centrals = [];
let offset = 0;
for (const [name, data, mtime] of entries) {
  const isDir = data === null;
  const nameBytes = Buffer.from(name, "utf8");
  const raw = isDir ? Buffer.alloc(0) : data;
  const deflated = isDir ? raw : zlib.deflateRawSync(raw, { level: 9 });
  const stored = isDir || deflated.length >= raw.length;
  const body = stored ? raw : deflated;
  const method = stored ? 0 : 8;
  const crc = isDir ? 0 : crc32(raw);
  const { time, date } = dosDateTime(fixedDate ?? mtime);
  const flags = 0x0800; // names in UTF-8

  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(flags, 6);
  local.writeUInt16LE(method, 8);
  local.writeUInt16LE(time, 10);
  local.writeUInt16LE(date, 12);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(raw.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  local.writeUInt16LE(0, 28);
  locals.push(local, nameBytes, body);

  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, spec 2.0
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(flags, 8);
  central.writeUInt16LE(method, 10);
  central.writeUInt16LE(time, 12);
  central.writeUInt16LE(date, 14);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(body.length, 20);
  central.writeUInt32LE(raw.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt16LE(0, 30); // extra
  central.writeUInt16LE(0, 32); // comment
  central.writeUInt16LE(0, 34); // disk
  central.writeUInt16LE(0, 36); // internal attributes
  central.writeUInt32LE((((isDir ? 0o40755 : 0o100644) << 16) | (isDir ? 0x10 : 0)) >>> 0, 38);
  central.writeUInt32LE(offset, 42);
  centrals.push(central, nameBytes);

  offset += local.length + nameBytes.length + body.length;
}

const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
const end = Buffer.alloc(22);
end.writeUInt32LE(0x06054b50, 0);
end.writeUInt16LE(0, 4);
end.writeUInt16LE(0, 6);
end.writeUInt16LE(entries.length, 8);
end.writeUInt16LE(entries.length, 10);
end.writeUInt32LE(centralSize, 12);
end.writeUInt32LE(offset, 16);
end.writeUInt16LE(0, 20);

const zip = Buffer.concat([...locals, ...centrals, end]);
writeFileSync(output, zip);

for (const path of added) console.warn(`warning: ${path} was missing, the standard one was added to the zip`);
const files = entries.filter(([, data]) => data !== null).length;
console.log(`${relative(process.cwd(), output) || output}: ${files} files in ${entries.length - files} folders under ${moduleName}/, ${zip.length} bytes`);
if (sep !== "/") console.log("(paths inside the zip use /)");
