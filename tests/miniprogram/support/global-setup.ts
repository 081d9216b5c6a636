// jest globalSetup of the mini program tests (and of npm run preview): takes the real server's
// answers (support/real-answers-build.ts) once per run, before any test file starts, and tells the
// test processes where they are (REAL_ANSWERS_ENV). The answers only depend on the server code,
// the contract, the test support and the time zone, so they are kept on disk under a hash of those
// and rebuilt whenever any of them changes.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import '../../support/setup-env';
import { buildRealAnswers } from './real-answers-build';
import { REAL_ANSWERS_ENV } from './real-answers';

const ROOT = path.resolve(__dirname, '../../..');
const INPUTS = ['cloudfunctions/_core', 'cloudfunctions/_local', 'typings', 'tests/support', 'tests/miniprogram/support/real-answers-build.ts', 'tests/miniprogram/support/real-answers.ts', 'package-lock.json'];
const CACHE_DIR = path.join(ROOT, 'node_modules/.cache/miniprogram-real-answers');

function filesUnder(p: string): string[] {
  const stat = fs.statSync(p);
  if (stat.isFile()) return [p];
  return fs
    .readdirSync(p, { withFileTypes: true })
    .filter((e) => e.name !== 'node_modules')
    .flatMap((e) => filesUnder(path.join(p, e.name)))
    .sort();
}

function inputHash(): string {
  const hash = crypto.createHash('sha1').update(process.env.TZ ?? '');
  for (const file of INPUTS.flatMap((i) => filesUnder(path.join(ROOT, i)))) {
    hash.update(path.relative(ROOT, file)).update(fs.readFileSync(file));
  }
  return hash.digest('hex');
}

export default async function globalSetup(): Promise<void> {
  const file = path.join(CACHE_DIR, `${inputHash()}.json`);
  if (!fs.existsSync(file)) {
    const answers = await buildRealAnswers();
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    fs.writeFileSync(`${file}.${process.pid}`, JSON.stringify(answers));
    fs.renameSync(`${file}.${process.pid}`, file);
  }
  process.env[REAL_ANSWERS_ENV] = file;
}
