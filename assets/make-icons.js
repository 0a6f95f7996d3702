#!/usr/bin/env node
/**
 * Draws the add-in icons (16, 32, 64, 80 and 128 px PNG) without ImageMagick: a rounded Fluent-blue square
 * holding a white sheet with three rising bars and a check mark. Shapes are sampled 4×4 per pixel for
 * smooth edges. Run: node assets/make-icons.js (the PNGs are committed; rerun only to change the design).
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** rgba: Uint8Array of size*size*4 → PNG bytes (8-bit RGBA, no interlace). */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shapes in unit coordinates (0..1). Each returns true when the point is inside.
function roundedRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

function segment(ax, ay, bx, by, w) {
  return (x, y) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (w / 2) ** 2;
  };
}

const BLUE = [15, 108, 189]; // Fluent 2 brand #0F6CBD
const DARK = [17, 94, 163]; // #115EA3
const WHITE = [255, 255, 255];
const GREEN = [16, 124, 65]; // Excel green #107C41

// Layers from bottom to top: [shape, colour].
const layers = [
  [roundedRect(0.03, 0.03, 0.97, 0.97, 0.18), BLUE],
  [roundedRect(0.2, 0.16, 0.8, 0.84, 0.06), WHITE],
  [roundedRect(0.28, 0.56, 0.38, 0.74, 0.015), DARK],
  [roundedRect(0.45, 0.44, 0.55, 0.74, 0.015), DARK],
  [roundedRect(0.62, 0.3, 0.72, 0.74, 0.015), DARK],
  [segment(0.27, 0.33, 0.36, 0.42, 0.075), GREEN],
  [segment(0.36, 0.42, 0.52, 0.22, 0.075), GREEN],
];

function draw(size) {
  const rgba = new Uint8Array(size * size * 4);
  const S = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const x = (px + (sx + 0.5) / S) / size;
          const y = (py + (sy + 0.5) / S) / size;
          let colour = null;
          for (const [shape, c] of layers) if (shape(x, y)) colour = c;
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round((a / (S * S)) * 255);
    }
  }
  return rgba;
}

for (const size of [16, 32, 64, 80, 128]) {
  const file = path.join(__dirname, `icon-${size}.png`);
  fs.writeFileSync(file, encodePng(size, draw(size)));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
