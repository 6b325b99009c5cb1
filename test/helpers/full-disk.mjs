// Preloaded into samling by an e2e test (NODE_OPTIONS=--import): the disk is "full" for the workspace's
// state file, whose temporary copy then cannot be made, as on a full disk (ENOSPC). Nothing else changes.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const openSync = fs.openSync;
fs.openSync = function (path, ...rest) {
  if (/[\\/]\.state\.json\.\d+\.tmp$/.test(String(path))) {
    const error = new Error(`ENOSPC: no space left on device, open '${path}'`);
    throw Object.assign(error, { code: 'ENOSPC', errno: -28, syscall: 'open', path: String(path) });
  }
  return openSync.call(this, path, ...rest);
};
syncBuiltinESMExports();
