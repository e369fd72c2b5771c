#!/usr/bin/env node
// The CLI runs the compiled main-process code; `npm install` builds it.
import { main } from '../dist/electron/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (err) => {
    console.error(err instanceof Error ? `错误 / error: ${err.message}` : err);
    process.exitCode = 1;
  },
);
