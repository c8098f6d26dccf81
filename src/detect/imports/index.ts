/**
 * Import extraction per language, by extension, plus the configuration files that decide what an
 * import means (tsconfig paths, package.json exports, composer PSR-4). Resolution is in src/model/graph.
 */
import type { Reader } from '../facts.js';
import { composerPsr4Reader, packageEntryReader, tsconfigReader } from './config.js';
import { csharpImportReader } from './csharp.js';
import { goImportReader } from './go.js';
import { componentImportReader, jsImportReader } from './javascript.js';
import { jvmImportReader } from './jvm.js';
import { phpImportReader } from './php.js';
import { pythonImportReader } from './python.js';
import { rubyImportReader } from './ruby.js';
import { rustImportReader } from './rust.js';

export const importReaders: Reader[] = [
  jsImportReader,
  componentImportReader,
  pythonImportReader,
  goImportReader,
  jvmImportReader,
  csharpImportReader,
  rustImportReader,
  rubyImportReader,
  phpImportReader,
  tsconfigReader,
  packageEntryReader,
  composerPsr4Reader,
];
