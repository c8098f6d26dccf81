/**
 * Python resolution: absolute imports through source roots (the repository root, each folder holding
 * pyproject.toml / setup.py / setup.cfg, and their src/), relative imports from the file's package, and
 * `from a import b` trying the submodule a.b first. The file's own folder is a last resort (scripts).
 */
import type { ImportFact } from '../../detect/facts.js';
import { ancestors, baseOf, dirOf, joinPath } from './paths.js';
import type { RepoIndex, Resolution } from './types.js';

const STDLIB = new Set('abc aifc antigravity argparse array ast asynchat asyncio asyncore atexit audioop base64 bdb binascii bisect builtins bz2 cProfile calendar cgi cgitb chunk cmath cmd code codecs codeop collections colorsys compileall concurrent configparser contextlib contextvars copy copyreg crypt csv ctypes curses dataclasses datetime dbm decimal difflib dis distutils doctest email encodings ensurepip enum errno faulthandler fcntl filecmp fileinput fnmatch fractions ftplib functools gc genericpath getopt getpass gettext glob graphlib grp gzip hashlib heapq hmac html http idlelib imaplib imghdr imp importlib inspect io ipaddress itertools json keyword lib2to3 linecache locale logging lzma mailbox mailcap marshal math mimetypes mmap modulefinder msilib msvcrt multiprocessing netrc nis nntplib nt ntpath nturl2path numbers opcode operator optparse os ossaudiodev pathlib pdb pickle pickletools pipes pkgutil platform plistlib poplib posix posixpath pprint profile pstats pty pwd py_compile pyclbr pydoc pydoc_data pyexpat queue quopri random re readline reprlib resource rlcompleter runpy sched secrets select selectors shelve shlex shutil signal site smtpd smtplib sndhdr socket socketserver spwd sqlite3 sre_compile sre_constants sre_parse ssl stat statistics string stringprep struct subprocess sunau symtable sys sysconfig syslog tabnanny tarfile telnetlib tempfile termios textwrap this threading time timeit tkinter token tokenize tomllib trace traceback tracemalloc tty turtle turtledemo types typing unicodedata unittest urllib uu uuid venv warnings wave weakref webbrowser winreg winsound wsgiref xdrlib xml xmlrpc zipapp zipfile zipimport zlib zoneinfo __future__ imp asynchat asyncore distutils smtpd'.split(' '));
const PROJECT_FILES = new Set(['pyproject.toml', 'setup.py', 'setup.cfg']);
const TYPING_ONLY = new Set(['_typeshed', '__main__', '__builtins__']);
/** Import names that differ from the distribution that provides them (normalised distribution names). */
const DISTRIBUTION_OF: Record<string, string[]> = {
  yaml: ['pyyaml'], PIL: ['pillow'], cv2: ['opencv_python', 'opencv_python_headless', 'opencv_contrib_python'],
  sklearn: ['scikit_learn'], skimage: ['scikit_image'], bs4: ['beautifulsoup4'], dateutil: ['python_dateutil'],
  jwt: ['pyjwt'], dotenv: ['python_dotenv'], attr: ['attrs'], magic: ['python_magic'], OpenSSL: ['pyopenssl'],
  Crypto: ['pycryptodome', 'pycrypto'], Cryptodome: ['pycryptodomex'], serial: ['pyserial'], zmq: ['pyzmq'],
  git: ['gitpython'], psycopg2: ['psycopg2_binary', 'psycopg2'], _pytest: ['pytest'], google: ['protobuf'],
  grpc: ['grpcio'], MySQLdb: ['mysqlclient'], pymysql: ['pymysql'], jose: ['python_jose'], multipart: ['python_multipart'],
  socketio: ['python_socketio'], telegram: ['python_telegram_bot'], docx: ['python_docx'], pptx: ['python_pptx'],
  fitz: ['pymupdf'], win32api: ['pywin32'], usb: ['pyusb'], Levenshtein: ['python_levenshtein', 'levenshtein'],
  slugify: ['python_slugify'], decouple: ['python_decouple'], kafka: ['kafka_python'], faiss: ['faiss_cpu', 'faiss_gpu'],
  sentry_sdk: ['sentry_sdk'], pkg_resources: ['setuptools'], ruamel: ['ruamel_yaml'], markdown: ['markdown'],
};
const normalise = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '_');

export class PythonResolver {
  private readonly roots: string[];
  private readonly rootsByDir = new Map<string, string[]>();
  /** Names of packages and modules that exist somewhere here: never claimed as third-party. */
  private readonly localNames = new Set<string>();
  /** Declared PyPI distributions, normalised -> as declared. When there are some, only they are reported. */
  private readonly declared = new Map<string, string>();

  constructor(private readonly index: RepoIndex) {
    const roots = new Set<string>(['']);
    // Every folder that holds files at any depth, so "has a src/ folder" is one lookup.
    const folders = new Set<string>();
    for (const dir of index.dirFiles.keys()) for (const d of ancestors(dir)) folders.add(d);
    for (const file of index.sorted) {
      const base = baseOf(file);
      if (PROJECT_FILES.has(base)) {
        const dir = dirOf(file);
        roots.add(dir);
        const src = dir ? `${dir}/src` : 'src';
        if (folders.has(src)) roots.add(src);
      }
      if (base === '__init__.py') this.localNames.add(baseOf(dirOf(file)));
      else if (base.endsWith('.py')) this.localNames.add(base.slice(0, -3));
    }
    if (folders.has('src')) roots.add('src');
    this.roots = [...roots].sort();
    for (const facts of index.facts.values()) {
      for (const d of facts.dependencies ?? []) if (d.ecosystem === 'pypi' && !this.declared.has(normalise(d.name))) this.declared.set(normalise(d.name), d.name);
    }
  }

  resolve(from: string, imp: ImportFact): Resolution {
    const spec = imp.specifier;
    const dots = /^\.*/.exec(spec)![0].length;
    if (dots) {
      let base: string | undefined = dirOf(from);
      for (let i = 1; i < dots && base !== undefined; i++) base = base ? dirOf(base) : undefined;
      if (base === undefined) return 'unresolved';
      const rest = spec.slice(dots);
      const files = this.fromBase(base, rest ? rest.split('.') : [], imp.names);
      return files.length ? { files } : 'unresolved';
    }
    const segs = spec.split('.');
    for (const root of this.rootsFor(from)) {
      const files = this.fromBase(root, segs, imp.names);
      if (files.length) return { files };
    }
    const top = segs[0];
    if (STDLIB.has(top) || TYPING_ONLY.has(top)) return 'ignore';
    const own = this.fromBase(dirOf(from), segs, imp.names);
    if (own.length) return { files: own };
    if (this.localNames.has(top)) return 'unresolved';
    return this.external(top);
  }

  /** With declared dependencies, the declared distribution that provides the module, or nothing:
   *  an undeclared top-level name is as likely a path hack or a generated module as a package. */
  private external(top: string): Resolution {
    if (!this.declared.size) return /^[A-Za-z]\w*$/.test(top) ? { external: { ecosystem: 'pypi', name: top } } : 'ignore';
    for (const candidate of [normalise(top), ...(DISTRIBUTION_OF[top] ?? [])]) {
      const name = this.declared.get(candidate);
      if (name) return { external: { ecosystem: 'pypi', name } };
    }
    return 'ignore';
  }

  /** Roots holding the importing file first, deepest first, then the others in order. */
  private rootsFor(from: string): string[] {
    const dir = dirOf(from);
    let cached = this.rootsByDir.get(dir);
    if (!cached) {
      cached = this.rankRoots(from);
      this.rootsByDir.set(dir, cached);
    }
    return cached;
  }

  private rankRoots(from: string): string[] {
    const holding = this.roots.filter((r) => r === '' || from.startsWith(`${r}/`)).sort((a, b) => b.length - a.length);
    return [...holding, ...this.roots.filter((r) => !holding.includes(r))];
  }

  private fromBase(base: string, segs: string[], names?: string[]): string[] {
    const modPath = joinPath(base, segs.join('/'));
    if (modPath === undefined) return [];
    const out: string[] = [];
    for (const name of names ?? []) {
      const sub = this.moduleFile(joinPath(modPath, name)!);
      if (sub) out.push(sub);
    }
    // The package's own __init__ (or module) is imported too, unless every name was a submodule.
    if (!names || out.length < names.length) {
      const own = segs.length ? this.moduleFile(modPath) : this.moduleFile(base, true);
      if (own) out.push(own);
    }
    return out;
  }

  private moduleFile(path: string, packageOnly = false): string | undefined {
    const files = this.index.files;
    if (!packageOnly) {
      for (const ext of ['.py', '.pyi']) if (files.has(path + ext)) return path + ext;
    }
    const init = path ? `${path}/__init__.py` : '__init__.py';
    return files.has(init) ? init : undefined;
  }
}
