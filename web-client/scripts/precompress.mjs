// Writes a .br and a .gz beside every compressible file of the build, so that the server sends delegates on slow
// links the smallest variant their browser accepts without compressing anything per request.
// Node's own zlib (brotli included) does it: no plugin to keep up with Vite's releases.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = process.argv[2] ?? 'target/classes/webroot';
// Text formats only: images, fonts in woff2 and archives are compressed already.
const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|txt|xml|map|webmanifest)$/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

let plain = 0, gz = 0, br = 0;
for (const path of [...files(root)]) {
  if (!COMPRESSIBLE.test(path)) continue;
  const data = readFileSync(path);
  const gzipped = gzipSync(data, { level: 9 });
  const brotli = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
  // A variant that saves nothing is not worth a lookup: the server then sends the file as it is.
  if (gzipped.length < data.length) writeFileSync(path + '.gz', gzipped);
  if (brotli.length < data.length) writeFileSync(path + '.br', brotli);
  plain += data.length;
  gz += Math.min(gzipped.length, data.length);
  br += Math.min(brotli.length, data.length);
  console.log(`precompress ${relative(root, path)}: ${data.length} B, gzip ${gzipped.length} B, brotli ${brotli.length} B`);
}
console.log(`precompress total: ${plain} B, gzip ${gz} B, brotli ${br} B`);
