// Bundles the CLI into dist/ with esbuild. Heavy modules (exceljs, the prompts) are loaded with
// dynamic import() and so land in chunks of their own, read only when a command needs them.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

// `node scripts/build.mjs dist-x` builds into another folder of the repository (beside node_modules), so a
// benchmark or a comparison can run a build of its own while dist/ changes.
const outdir = process.argv[2] ?? 'dist';
rmSync(new URL(`../${outdir}`, import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ['src/cli.ts'],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  legalComments: 'none',
  // exceljs is CommonJS with optional native parts: leave it to Node, loaded lazily.
  external: ['exceljs'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});
