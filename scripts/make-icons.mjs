#!/usr/bin/env node
/**
 * Draws Weft's mark (app/icon.svg: two warp threads crossed by three weft threads, woven over
 * and under, on an indigo tile) into the PNG icons the web app manifest and iOS need, with no
 * dependencies: shapes as signed distances (anti-aliased), PNG written by hand (zlib + CRC-32).
 * The output is deterministic and committed under public/icons/; rerun after changing the mark.
 *
 * Usage: node scripts/make-icons.mjs [--out <dir>]   (default: public/icons)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { deflateSync } from 'node:zlib';

const { values: args } = parseArgs({ options: { out: { type: 'string' } } });
const outDir = resolve(args.out ?? new URL('../public/icons', import.meta.url).pathname);

const INDIGO = [0x50, 0x58, 0xc4];
const WARP = [0xc5, 0xc9, 0xf6];
const WHITE = [0xff, 0xff, 0xff];

// Shapes in app/icon.svg's 32×32 viewBox; each is a signed distance (negative inside).
const capsule = (x1, y1, x2, y2, width) => (x, y) => {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy)) - width / 2;
};
/** A vertical stroke with butt caps: an axis-aligned box. */
const bar = (cx, y1, y2, width) => (x, y) => {
  const qx = Math.abs(x - cx) - width / 2;
  const qy = Math.abs(y - (y1 + y2) / 2) - (y2 - y1) / 2;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0);
};
const roundedSquare = (size, radius) => (x, y) => {
  const qx = Math.abs(x - size / 2) - (size / 2 - radius);
  const qy = Math.abs(y - size / 2) - (size / 2 - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
};

/** The threads, in paint order (the same order as app/icon.svg's paths). */
const THREADS = [
  ...[11.5, 20.5].map((x) => ({ shape: capsule(x, 6.5, x, 25.5, 2.6), color: WARP })),
  ...[11.5, 16, 20.5].map((y) => ({ shape: capsule(6.5, y, 25.5, y, 5), color: INDIGO })),
  ...[11.5, 16, 20.5].map((y) => ({ shape: capsule(6.5, y, 25.5, y, 2.6), color: WHITE })),
  ...[[20.5, 9, 14], [11.5, 13.5, 18.5], [20.5, 18, 23]].map(([x, a, b]) => ({ shape: bar(x, a, b, 5), color: INDIGO })),
  ...[[20.5, 8.6, 14.4], [11.5, 13.1, 18.9], [20.5, 17.6, 23.4]].map(([x, a, b]) => ({ shape: bar(x, a, b, 2.6), color: WARP })),
];

/**
 * Renders one icon. `tile`: the rounded tile of app/icon.svg on transparency ('rounded'), or a
 * full-bleed square ('full', for maskable and Apple icons). `scale`: the mark's size relative to
 * the full icon (a maskable icon keeps it inside the central safe circle).
 */
function render(size, { tile, scale }) {
  const rgba = Buffer.alloc(size * size * 4);
  const unit = (size / 32) * scale; // pixels per viewBox unit
  const offset = (size - 32 * unit) / 2;
  const background = tile === 'full' ? () => -1 : roundedSquare(32, 8);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5 - offset) / unit;
      const y = (py + 0.5 - offset) / unit;
      // Premultiplied colour, painted back to front.
      let [r, g, b, a] = [0, 0, 0, 0];
      const paint = (distance, color) => {
        const coverage = Math.max(0, Math.min(1, 0.5 - distance * unit));
        if (coverage === 0) return;
        r = color[0] * coverage + r * (1 - coverage);
        g = color[1] * coverage + g * (1 - coverage);
        b = color[2] * coverage + b * (1 - coverage);
        a = coverage + a * (1 - coverage);
      };
      paint(tile === 'full' ? -Infinity : background(x, y), INDIGO);
      for (const thread of THREADS) paint(thread.shape(x, y), thread.color);
      const i = (py * size + px) * 4;
      rgba[i] = a > 0 ? Math.round(r / a) : 0;
      rgba[i + 1] = a > 0 ? Math.round(g / a) : 0;
      rgba[i + 2] = a > 0 ? Math.round(b / a) : 0;
      rgba[i + 3] = Math.round(a * 255);
    }
  }
  return encodePng(size, size, rgba);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** An 8-bit RGBA PNG, each row with filter 0 (none). */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  // compression, filter and interlace methods: 0
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const ICONS = [
  { file: 'icon-192.png', size: 192, tile: 'rounded', scale: 1 },
  { file: 'icon-512.png', size: 512, tile: 'rounded', scale: 1 },
  // Maskable: full bleed; the threads span about 55 % of the icon, well inside the central safe circle (80 %).
  { file: 'icon-maskable-512.png', size: 512, tile: 'full', scale: 0.8 },
  // iOS puts no transparency on the home screen and rounds the corners itself.
  { file: 'apple-touch-icon.png', size: 180, tile: 'full', scale: 0.9 },
];

mkdirSync(outDir, { recursive: true });
for (const icon of ICONS) {
  const png = render(icon.size, icon);
  writeFileSync(join(outDir, icon.file), png);
  console.log(`make-icons: ${join(outDir, icon.file)} (${icon.size}×${icon.size}, ${png.length} bytes)`);
}
