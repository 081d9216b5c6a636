// Every test starts from the same world: default places and photos, empty storage, only the
// default API answers (api-fake), no recorded calls, and a fresh session (no cached identity or
// categories; utils/session imports nothing, so loading it here cannot defeat a test's jest.mock).
import fs from 'node:fs';
import { resetWx } from './wx-fake';
import { apiFake } from './api-fake';
import { largestSetData, unmountAll } from './render';
import { clearSession } from '../../../miniprogram/utils/session';

beforeEach(() => {
  resetWx();
  apiFake.reset();
  clearSession();
});

afterEach(() => {
  unmountAll();
});

// `npm run bench` (B12) reads the largest setData payload of every test file from here.
afterAll(() => {
  const report = process.env.SETDATA_REPORT;
  if (report) fs.appendFileSync(report, `${JSON.stringify({ file: expect.getState().testPath, ...largestSetData })}\n`);
});
