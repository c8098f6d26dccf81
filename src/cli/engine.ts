/**
 * How hard V8 optimises, chosen per run. V8 tiers hot functions up to TurboFan, whose compiles run on a
 * background thread. A run over a repository of a few thousand files lasts a couple of seconds: there those
 * compiles cost more than they save, and they take the second core the extraction worker needs (medusa,
 * 15k files: 15-20% faster, with a fifth less CPU, capped below TurboFan). A run over tens of thousands of
 * files spends seconds in the model's hot loops and wants TurboFan (a synthetic 50k-file repository is 10%
 * slower without it). The cap is set once the scan knows the size: V8 honours lowering it at run time,
 * not raising it again. Only the CLI does this; a program that imports archmd keeps its own engine settings.
 */
import { setFlagsFromString } from 'node:v8';

/** Above this many files, a run is long enough for TurboFan to pay for itself. */
const SHORT_RUN_FILES = 25_000;

export function tuneForRun(files: number, env = process.env): boolean {
  if (files > SHORT_RUN_FILES || env.ARCHMD_FULL_OPT) return false;
  try {
    // Maglev where Node enables it (22 and later), Sparkplug's baseline code on Node 20
    setFlagsFromString('--max-opt=2');
    return true;
  } catch {
    return false;
  }
}
