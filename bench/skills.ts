/**
 * Skills in Node (pure lib/ code): parse throughput over 10,000 generated SKILL.md files, and
 * search latency p50/p95 over an index of them (target p95 < 10 ms). Writes bench/results/skills.json.
 * Run: npm run bench:skills
 */
import { parseSkill, type SkillDocument, SkillIndex, skillCategory, skillKeywords } from '../lib/skills';
import { type Figure, percentile, writeResults } from './lib/results';

const N = Number(process.env.BENCH_SKILLS ?? 10_000);
const QUERIES = 1000;
const WORDS = 'csv table column mean median plot chart line scatter regression tensor matrix quantum circuit filter sort json transform export file text word frequency summary statistics model prompt review code clean data image scene mesh molecule surface spice resistor capacitor filter signal fourier spectrum cluster kmeans sample random seed monte carlo simulation optimise gradient loss train evaluate report markdown'.split(' ');

let state = 42;
const rand = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = () => WORDS[Math.floor(rand() * WORDS.length)]!;
// Body text like real prose: common English words everywhere, a long Zipf-distributed tail of
// rarer domain words (5,000 of them), and the domain words above.
const STOP = 'the a and of to in for with is on that by this be as are from it or an'.split(' ');
const SYLLABLES = 'ka lo mi ne po ra si tu ve zo bre cla dri fro gli pla sta tri'.split(' ');
const RARE = Array.from({ length: 5000 }, (_, i) => SYLLABLES[i % 18]! + SYLLABLES[Math.floor(i / 18) % 18]! + SYLLABLES[Math.floor(i / 324) % 18]!);
const zipf = () => RARE[Math.min(RARE.length - 1, Math.floor(1 / (rand() + 1e-4)) - 1 + Math.floor(rand() * 50))]!;
const word = () => {
  const r = rand();
  return r < 0.45 ? STOP[Math.floor(rand() * STOP.length)]! : r < 0.6 ? pick() : zipf();
};
const phrase = (n: number) => Array.from({ length: n }, word).join(' ');

const texts = Array.from({ length: N }, (_, i) => {
  const name = `${pick()}-${pick()}-${i}`;
  const runtime = i % 3 === 0 ? '' : `runtime: ${i % 3 === 1 ? 'python' : 'javascript'}\ninputs:\n  - name: data\n    type: json\n    default: []\noutputs:\n  - name: result\n    type: json\n`;
  const code = i % 3 === 0 ? '' : i % 3 === 1 ? '\n```python\ndef execute(inputs):\n    return {"result": inputs["data"]}\n```\n' : '\n```javascript\nfunction execute(inputs) {\n  return { result: inputs.data };\n}\n```\n';
  return { name, text: `---\nname: ${name}\ndescription: ${phrase(14)}.\nmetadata:\n  category: ${pick()}\n  tags: "${pick()}, ${pick()}"\n${runtime}---\n\n# ${name}\n\n${phrase(80)}\n${code}` };
});

const t0 = performance.now();
const docs: SkillDocument[] = [];
for (const { name, text } of texts) {
  const parsed = parseSkill(text, { folder: name });
  if (!parsed.ok) throw new Error(`generated skill ${name} does not parse: ${parsed.error.message}`);
  const s = parsed.value.skill;
  docs.push({ name, description: s.description, body: s.body, category: skillCategory(s), keywords: skillKeywords(s), runtime: s.kind === 'executable' ? s.runtime : null, volume: 'system' });
}
const parseMs = performance.now() - t0;

const t1 = performance.now();
const index = new SkillIndex();
for (const d of docs) index.upsert(d);
const indexMs = performance.now() - t1;

const latencies: number[] = [];
for (let q = 0; q < QUERIES; q++) {
  const query = q % 4 === 0 ? pick().slice(0, 3) : `${pick()} ${pick()}`; // prefixes as typed, and two-word queries
  const t = performance.now();
  index.search(query, 20);
  latencies.push(performance.now() - t);
}
const t2 = performance.now();
const name = docs[123]!.name;
index.upsert({ ...docs[123]!, description: 'updated description' });
const updateMs = performance.now() - t2;
if (index.search(name.split('-')[0]!).length === 0) throw new Error('search lost a skill');

const figures: Figure[] = [
  { metric: 'parse_throughput', value: N / (parseMs / 1000), unit: 'skills/s', better: 'higher' },
  { metric: 'index_build_10000', value: indexMs, unit: 'ms', better: 'lower' },
  { metric: 'search_p50', value: percentile(latencies, 50), unit: 'ms', better: 'lower' },
  { metric: 'search_p95', value: percentile(latencies, 95), unit: 'ms', target: 10, better: 'lower' },
  { metric: 'index_update_one', value: updateMs, unit: 'ms', better: 'lower' },
];
writeResults('skills', 'none (Node, pure lib/)', figures, { skills: N, queries: QUERIES });
