// The JavaScript a first page load costs: the entry module of apps/web/dist/index.html and the chunks
// it modulepreloads, each gzipped, summed, against a budget. Lazy chunks (settings, Markdown) do not count.
// Usage: node scripts/check-bundle-size.mjs [--budget-kb N]   (exit 1 over budget, 2 when unreadable)
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..');
const distDir = path.join(root, 'apps/web/dist');
const indexFile = path.join(distDir, 'index.html');
const budgetFlag = process.argv.indexOf('--budget-kb');
const budgetKb = budgetFlag > 0 ? Number(process.argv[budgetFlag + 1]) : 200;

if (!Number.isFinite(budgetKb) || budgetKb <= 0) {
  console.error('--budget-kb needs a positive number');
  process.exit(2);
}
if (!existsSync(indexFile)) {
  console.error(`${path.relative(root, indexFile)} not found: run \`npm run build -w apps/web\` first`);
  process.exit(2);
}

const html = readFileSync(indexFile, 'utf8');

/** The attributes of every `<tag …>` in the document, as lowercase-name → value maps. */
function tags(name) {
  const found = [];
  for (const match of html.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'gi'))) {
    const attributes = new Map();
    for (const attribute of (match[1] ?? '').matchAll(/([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      attributes.set(attribute[1].toLowerCase(), attribute[2] ?? attribute[3] ?? attribute[4] ?? '');
    }
    found.push(attributes);
  }
  return found;
}

const entries = tags('script')
  .filter((attributes) => attributes.get('type') === 'module' && attributes.get('src'))
  .map((attributes) => attributes.get('src'));
const preloads = tags('link')
  .filter(
    (attributes) => (attributes.get('rel') ?? '').split(/\s+/).includes('modulepreload') && attributes.get('href'),
  )
  .map((attributes) => attributes.get('href'));

if (entries.length === 0) {
  console.error(`no <script type="module" src> in ${path.relative(root, indexFile)}`);
  process.exit(2);
}

/** `/assets/x.js` (or `./assets/x.js`, `assets/x.js`) → the file in dist; external URLs are refused. */
function fileFor(url) {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) {
    console.error(`initial script ${url} is not part of the build; cannot measure it`);
    process.exit(2);
  }
  const file = path.resolve(distDir, `.${path.posix.normalize(`/${url.split(/[?#]/)[0]}`)}`);
  if (!file.startsWith(distDir + path.sep) || !existsSync(file)) {
    console.error(`initial script ${url} not found in ${path.relative(root, distDir)}`);
    process.exit(2);
  }
  return file;
}

const files = [...new Set([...entries, ...preloads].map(fileFor))];
let totalBytes = 0;
for (const file of files) {
  const gzipped = gzipSync(readFileSync(file), { level: 9 }).length;
  totalBytes += gzipped;
  console.log(`  ${path.relative(distDir, file)}: ${(gzipped / 1024).toFixed(1)} KB gzipped`);
}

const totalKb = totalBytes / 1024;
console.log(`initial JS: ${totalKb.toFixed(1)} KB gzipped (budget ${budgetKb} KB)`);
if (totalKb > budgetKb) {
  console.error(`over budget by ${(totalKb - budgetKb).toFixed(1)} KB`);
  process.exit(1);
}
