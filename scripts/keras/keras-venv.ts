/**
 * The Python virtual environment the Keras tests run the exported `train.py` in: `.cache/keras-venv`
 * (git-ignored), with exactly the packages of `scripts/keras/requirements.txt` (Keras 3 and JAX on the
 * CPU, every dependency pinned). Making it is idempotent: a stamp holding the requirements' SHA-256 says
 * the venv is complete and current, and then nothing is done.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The venv's folder. */
export const KERAS_VENV_DIR = resolve('.cache', 'keras-venv');
/** The pinned requirements. */
export const KERAS_REQUIREMENTS = resolve('scripts', 'keras', 'requirements.txt');
/** The venv's Python. */
export const KERAS_VENV_PYTHON = join(KERAS_VENV_DIR, 'bin', 'python');

const STAMP = join(KERAS_VENV_DIR, 'requirements.sha256');
/** Held (a directory: made atomically) while one process makes the venv; others wait for it. */
const LOCK = `${KERAS_VENV_DIR}.lock`;
/** A lock older than this was left by a process that died: pip never takes that long here. */
const STALE_LOCK_MS = 20 * 60 * 1000;

/** Whether the venv holds exactly the current requirements. */
export function kerasVenvReady(): boolean {
  return existsSync(KERAS_VENV_PYTHON) && existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === requirementsHash();
}

/**
 * Make the venv unless it is ready. `KERAS_VENV_BASE_PYTHON` names the Python to make it with
 * (default: python3.11, else python3; Keras 3.15 needs 3.10 or newer).
 * @returns what was done, for the log.
 * @throws Error naming the step that failed (no Python, pip's exit).
 */
export function ensureKerasVenv(log: (line: string) => void = () => undefined): 'ready' | 'installed' {
  if (kerasVenvReady()) return 'ready';
  // `.ci/run` makes the venv in the background while the suite starts: the Keras test then waits for
  // that install instead of starting a second one in the same folder.
  mkdirSync(resolve('.cache'), { recursive: true });
  let waited = false;
  while (!tryLock()) {
    if (!waited) log(`waiting for the install another process is making (${LOCK})`);
    waited = true;
    sleepMs(2000);
  }
  try {
    if (kerasVenvReady()) return 'ready';
    return install(log);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function tryLock(): boolean {
  try {
    mkdirSync(LOCK);
    return true;
  } catch {
    if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
    return false;
  }
}

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function install(log: (line: string) => void): 'installed' {
  const base = process.env.KERAS_VENV_BASE_PYTHON ?? findPython();
  log(`making ${KERAS_VENV_DIR} with ${base}`);
  rmSync(KERAS_VENV_DIR, { recursive: true, force: true });
  execFileSync(base, ['-m', 'venv', KERAS_VENV_DIR], { stdio: 'inherit' });
  // One retry per request: where only a local package mirror is reachable, pip's default five
  // retries of the unreachable index cost minutes and change nothing.
  const pip = spawnSync(
    KERAS_VENV_PYTHON,
    ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '--quiet', '--retries', '1', '--timeout', '30', '-r', KERAS_REQUIREMENTS],
    { stdio: 'inherit' },
  );
  if (pip.status !== 0) throw new Error(`pip install -r ${KERAS_REQUIREMENTS} failed (exit ${String(pip.status)})`);
  writeFileSync(STAMP, `${requirementsHash()}\n`);
  return 'installed';
}

function requirementsHash(): string {
  return createHash('sha256').update(readFileSync(KERAS_REQUIREMENTS)).digest('hex');
}

function findPython(): string {
  for (const candidate of ['python3.11', 'python3.12', 'python3.13', 'python3']) {
    const probe = spawnSync(candidate, ['-c', 'import sys; print(sys.version_info >= (3, 10))'], { encoding: 'utf8' });
    if (probe.status === 0 && probe.stdout.trim() === 'True') return candidate;
  }
  throw new Error('no Python 3.10 or newer found (python3.11, python3); set KERAS_VENV_BASE_PYTHON to one');
}
