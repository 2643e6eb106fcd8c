"""Every third-party import of the library declared in settings.ini, and every declaration imported or explained.

    python .ci/deps_check.py

Imports are read from dg_pruning/*.py (ast: top-level and inside functions), mapped to their distributions with
importlib.metadata; declarations are settings.ini's `requirements`, `onnx_requirements` and `parquet_requirements` (optional parts). A
declared distribution the library does not import must be named in a comment line of settings.ini."""
import ast, re, sys
from configparser import ConfigParser
from importlib.metadata import packages_distributions
from pathlib import Path

root = Path(__file__).resolve().parent.parent
norm = lambda name: re.sub(r'[-_.]+', '-', name).lower()
ini = ConfigParser(delimiters=['='])
ini.read(root / 'settings.ini')
declared = {key: {norm(re.split(r'[<>=!~;\[ ]', r)[0]) for r in ini['DEFAULT'].get(key, '').split()}
            for key in ('requirements', 'onnx_requirements', 'parquet_requirements')}
comments = ' '.join(l for l in (root / 'settings.ini').read_text().splitlines() if l.lstrip().startswith('#'))
mods = set()
for f in sorted((root / 'dg_pruning').glob('*.py')):
    for n in ast.walk(ast.parse(f.read_text())):
        if isinstance(n, ast.Import):
            mods |= {a.name.split('.')[0] for a in n.names}
        elif isinstance(n, ast.ImportFrom) and n.level == 0 and n.module:
            mods.add(n.module.split('.')[0])
dists = packages_distributions()
third = {m for m in mods if m not in sys.stdlib_module_names and m != 'dg_pruning'}
unknown = sorted(m for m in third if m not in dists)
imported = {norm(dists[m][0]): m for m in third if m in dists}
everything = declared['requirements'] | declared['onnx_requirements'] | declared['parquet_requirements']
undeclared = sorted(f'{d} (import {m})' for d, m in imported.items() if d not in everything)
unexplained = sorted(d for d in everything - set(imported) if not re.search(rf'\b{re.escape(d)}\b', comments))
print(f"imports: {len(imported)} distributions; declared: {len(declared['requirements'])} required, "
      f"{len(declared['onnx_requirements'])} in [onnx]; declared, not imported, explained: "
      f"{sorted(everything - set(imported) - set(unexplained))}")
for what, bad in (('imported but not installed here', unknown), ('imported but not declared', undeclared),
                  ('declared, never imported and not explained in a comment', unexplained)):
    if bad:
        print(f"{what}: {', '.join(bad)}", file=sys.stderr)
sys.exit(1 if unknown or undeclared or unexplained else 0)
