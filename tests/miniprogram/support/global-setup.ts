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
import { buildStaffAnswers } from './staff-answers-build';
import { STAFF_ANSWERS_ENV } from './staff-answers';
import { buildAdminAnswers } from './admin-answers-build';
import { ADMIN_ANSWERS_ENV } from './admin-answers';

const ROOT = path.resolve(__dirname, '../../..');
const INPUTS = [
  'cloudfunctions/_core',
  'cloudfunctions/_local',
  'typings',
  'tests/support',
  'tests/miniprogram/support/real-answers-build.ts',
  'tests/miniprogram/support/real-answers.ts',
  'tests/miniprogram/support/staff-answers-build.ts',
  'tests/miniprogram/support/staff-answers.ts',
  'tests/miniprogram/support/admin-answers-build.ts',
  'tests/miniprogram/support/admin-answers.ts',
  'package-lock.json',
];
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
  // The staff workbench's answers (support/staff-answers-build.ts), kept the same way.
  const staffFile = path.join(CACHE_DIR, `${inputHash()}-staff.json`);
  if (!fs.existsSync(staffFile)) {
    const answers = await buildStaffAnswers();
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    fs.writeFileSync(`${staffFile}.${process.pid}`, JSON.stringify(answers));
    fs.renameSync(`${staffFile}.${process.pid}`, staffFile);
  }
  process.env[STAFF_ANSWERS_ENV] = staffFile;
  // The admin pages' answers (support/admin-answers-build.ts), kept the same way.
  const adminFile = path.join(CACHE_DIR, `${inputHash()}-admin.json`);
  if (!fs.existsSync(adminFile)) {
    const answers = await buildAdminAnswers();
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    fs.writeFileSync(`${adminFile}.${process.pid}`, JSON.stringify(answers));
    fs.renameSync(`${adminFile}.${process.pid}`, adminFile);
  }
  process.env[ADMIN_ANSWERS_ENV] = adminFile;
}
