// npm run bench: speed and memory of trainpack on this machine. Prints figures; asserts nothing.
// Targets (2-core machine): one 6,000-word guide through `trainpack render` in a fresh process <= 0.5 s;
// 20 such documents in one build <= 1.5 s using both cores; peak memory <= 250 MB;
// `trainpack --help` within 2x of `node -e 0`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const runner = path.join(root, 'scripts/run-measured.js');
const bin = path.join(root, 'bin/trainpack.js');
const work = mkdtempSync(path.join(tmpdir(), 'trainpack-bench-'));
const env = { ...process.env, SOURCE_DATE_EPOCH: '1767225600', CI: '1' };

const WORDS = 'rimëkëmbja riintegrimi mbështetje siguria konfidencialiteti pëlqimi i informuar punonjësi social strehëza fëmija familja komuniteti shkolla punësimi mentori supervizimi kujdesi për veten the person chooses safety first plan together follow up'.split(' ');
let seed = 7;
const word = () => WORDS[(seed = (seed * 1103515245 + 12345) % 2147483648) % WORDS.length];
const sentence = (count) => Array.from({ length: count }, word).join(' ');

/** A guide of about `target` words using every construct the layout draws. */
function largeGuide(target) {
  const parts = [];
  let words = 0;
  let section = 0;
  while (words < target) {
    section++;
    parts.push(`## Section ${section}: ${sentence(4)}`, `${sentence(60)} **${sentence(3)}** *${sentence(3)}* ~~${sentence(2)}~~ \`${word()}\` [${sentence(2)}](https://example.org/${section}).`, `### Details ${section}`, sentence(80));
    parts.push(`1. ${sentence(12)}\n2. ${sentence(10)}\n   - ${sentence(8)}\n   - ${sentence(8)}\n3. ${sentence(9)}`);
    parts.push(`- [ ] ${sentence(10)}\n- [ ] ${sentence(12)}`);
    parts.push(`> **Remember:** ${sentence(30)}`);
    parts.push(`| ${sentence(2)} | ${sentence(2)} | ${sentence(1)} |\n|---|---|---|\n| ${sentence(6)} | ${sentence(9)} | ${sentence(3)} |\n| ${sentence(5)} | ${sentence(12)} | ${sentence(2)} |`);
    parts.push('```\nconst plan = agree(person, goals);\n```', '---', `#### Note ${section}`, sentence(50));
    words += 4 + 60 + 8 + 4 + 2 + 80 + 12 + 10 + 16 + 9 + 22 + 31 + 13 + 27 + 5 + 50;
  }
  return `---\ntitle: "Bench guide"\nsummary: "A generated guide for measuring."\naudiences: all\n---\n\n${parts.join('\n\n')}\n`;
}

function timed(args, runs = 1) {
  const seconds = [];
  let memory = 0;
  let output = '';
  for (let index = 0; index < runs; index++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { env, cwd: work, encoding: 'utf8' });
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
    if (result.status !== 0) throw new Error(`failed: ${args.join(' ')}\n${result.stderr}`);
    const measured = /@@measure (.*)/.exec(result.stderr);
    if (measured) memory = Math.max(memory, JSON.parse(measured[1]).maxRssKiB / 1024);
    output = result.stdout;
  }
  seconds.sort((a, b) => a - b);
  return { median: seconds[Math.floor(seconds.length / 2)], best: seconds[0], memory, output };
}

const guide = largeGuide(6000);
writeFileSync(path.join(work, 'big.md'), guide);
const contentRoot = path.join(work, 'content');
mkdirSync(contentRoot);
const ids = Array.from({ length: 20 }, (_, index) => `guide-${index + 1}`);
writeFileSync(path.join(contentRoot, 'pack.yaml'), `title: { en: "Bench pack" }\nlanguages: [en]\nguides: [${ids.join(', ')}]\n`);
writeFileSync(path.join(contentRoot, 'audiences.yaml'), 'audiences:\n  - id: everyone\n    name: { en: "Everyone" }\n    description: { en: "Everyone." }\n');
for (const id of ids) {
  mkdirSync(path.join(contentRoot, id));
  writeFileSync(path.join(contentRoot, id, 'guide.en.md'), guide);
}

const rows = [];
const line = (label, value, target = '') => rows.push([label, value, target]);

const words = guide.replace(/^---[\s\S]*?---/, '').split(/\s+/).filter((token) => /\p{L}/u.test(token)).length;
const nodeStart = timed(['-e', '0'], 7);
const help = timed([bin, '--help'], 7);
line('node -e 0', `${nodeStart.median.toFixed(3)} s`);
line('trainpack --help', `${help.median.toFixed(3)} s (${(help.median / nodeStart.median).toFixed(2)}x node)`, '<= 2x');

const render = timed([runner, 'render', 'big.md', '-o', 'big.pdf', '--quiet'], 5);
const renderPages = JSON.parse(timed([runner, 'render', 'big.md', '-o', 'big.pdf', '--json']).output).files[0].pages;
line(`render 1 guide (${words} words, ${renderPages} pages)`, `${render.median.toFixed(3)} s median of 5, ${render.memory.toFixed(0)} MB peak`, '<= 0.5 s');

for (const jobs of [0, 2]) {
  const twenty = timed([runner, 'build', '--content', contentRoot, '--only', 'handouts', '--out', `out-20-${jobs}`, '--jobs', String(jobs), '--json'], 3);
  const manifest = JSON.parse(twenty.output);
  const how = jobs === 0 ? 'one thread' : `${jobs} worker threads`;
  line(`build 20 such guides (${manifest.files.length} documents, ${manifest.pages} pages, ${how})`, `${twenty.median.toFixed(3)} s median of 3, ${twenty.memory.toFixed(0)} MB peak`, '<= 1.5 s, <= 250 MB');
}

const matrix = timed([runner, 'build', '--out', 'out-matrix', '--json'], 1);
const matrixManifest = JSON.parse(matrix.output);
line(
  `default matrix (${matrixManifest.files.length} documents, ${matrixManifest.pages} pages)`,
  `${matrix.median.toFixed(2)} s, ${(matrixManifest.pages / matrix.median).toFixed(0)} pages/s, ${matrix.memory.toFixed(0)} MB peak`,
  '<= 250 MB',
);

const width = Math.max(...rows.map((row) => row[0].length));
const valueWidth = Math.max(...rows.map((row) => row[1].length));
console.log(`trainpack bench (node ${process.version}, ${availableParallelism()} cores)`);
for (const [label, value, target] of rows) console.log(`${label.padEnd(width)}  ${value.padEnd(valueWidth)}  ${target && `target ${target}`}`);
if (process.env.BENCH_KEEP) console.log(`inputs kept in ${work}`);
else rmSync(work, { recursive: true, force: true });
