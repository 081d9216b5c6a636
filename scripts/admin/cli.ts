// Entry of `npm run admin` (bundled to .build/admin.js by scripts/build.mjs).
import { ConfigError } from '../deploy/config';
import { defaultIo, UsageError } from './commands';
import { run } from './main';

run(process.argv.slice(2), process.cwd(), defaultIo).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError || error instanceof UsageError || error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
