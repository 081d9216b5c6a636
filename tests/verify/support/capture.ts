// Every console line a verify file produces — the product's own logs included (handleApi's
// failure lines, the deliver job's warnings, the jobs' errors) — goes to the run's console log
// instead of the terminal, where the runner scans it for the personal data the suites made up.
import { format } from 'node:util';
import { recordLog } from './report';

const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;

/** Lines of this file, for tests that look at the logs themselves. */
export const capturedLines: string[] = [];

for (const method of methods) {
  console[method] = (...args: unknown[]): void => {
    const line = `[${method}] ${format(...args)}`;
    capturedLines.push(line);
    recordLog(line);
  };
}
