// A node process of the bench's own (the load generator, the machine probe): run, and what it
// printed once it has exited.
import { spawn } from 'node:child_process';

export interface ChildOutput {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

/** Runs this node with `args`; resolves once it exits, rejects only when it could not start. */
export function runNode(args: readonly string[]): Promise<ChildOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}
