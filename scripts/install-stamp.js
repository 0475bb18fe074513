'use strict';
// The stamp says which package-lock.json the current node_modules was installed from.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const STAMP = path.join('node_modules', '.prodready-install-stamp');

function lockHash(root) {
  const lock = path.join(root, 'package-lock.json');
  if (!fs.existsSync(lock)) return undefined;
  return crypto.createHash('sha256').update(fs.readFileSync(lock)).digest('hex');
}

function readStamp(root) {
  try {
    return fs.readFileSync(path.join(root, STAMP), 'utf8').trim();
  } catch {
    return undefined;
  }
}

function writeStamp(root) {
  const hash = lockHash(root);
  if (hash && fs.existsSync(path.join(root, 'node_modules'))) {
    fs.writeFileSync(path.join(root, STAMP), `${hash}\n`);
  }
}

module.exports = { lockHash, readStamp, writeStamp };
