#!/usr/bin/env node
// The jixiao server (`npm start`). TypeScript sources run through tsx's loader (docs/decisions/0001-run-typescript-with-tsx.md).
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
