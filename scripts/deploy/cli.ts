// Entry of `npm run deploy` (bundled to .build/deploy.js by scripts/build.mjs).
import { ConfigError } from './config';
import { explainCloudError, run } from './main';

run(process.argv.slice(2), process.cwd(), (line) => console.log(line)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : explainCloudError(error));
    process.exit(1);
  },
);
