// Every test starts from the same world: default places and photos, empty storage, no scripted
// API answers, no recorded calls.
import { resetWx } from './wx-fake';
import { apiFake } from './api-fake';
import { unmountAll } from './render';

beforeEach(() => {
  resetWx();
  apiFake.reset();
});

afterEach(() => {
  unmountAll();
});
