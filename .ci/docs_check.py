"""Check the processed docs pages (`_proc/`, written by `nbdev_docs` or `.ci/proc_docs.py`).

Every page has a title and a one-line description; every exported function and class has its doc
card (a `show_doc` cell with a rendered output); no stored cell output is an error or a traceback;
every figure has its image (a `<Figure ...>` text output without an image beside it is a plot that
was not saved)."""
import importlib, inspect, json, re, sys
from pathlib import Path

def page_header(nb) -> tuple:
    "(title, description) of a processed page: its front matter, or its first markdown cell."
    for c in nb['cells']:
        s = ''.join(c['source'])
        if c['cell_type'] == 'raw' or s.startswith('---'):
            t = re.search(r'^title:\s*(.+)$', s, re.M); d = re.search(r'^description:\s*(.+)$', s, re.M)
            return (t and t.group(1).strip(), d and d.group(1).strip())
        if c['cell_type'] == 'markdown':
            t = re.search(r'^#\s+(.+)$', s, re.M); d = re.search(r'^>\s*(.+)$', s, re.M)
            return (t and t.group(1).strip(), d and d.group(1).strip())
    return (None, None)

def exported(proc: Path) -> dict:
    "notebook name -> the public functions and classes of the module it exports."
    out = {}
    for f in sorted(Path('dg_pruning').glob('[!_]*.py')):
        m = re.search(r'File to edit: \.\./nbs/(.+\.ipynb)', f.read_text())
        if not m: continue
        mod = importlib.import_module(f'dg_pruning.{f.stem}')
        out[m.group(1)] = [n for n in getattr(mod, '__all__', []) if inspect.isfunction(getattr(mod, n)) or inspect.isclass(getattr(mod, n))]
    return out

def unlisted(nbs=Path('nbs')) -> list:
    "The notebooks of `nbs` that the hand-written sidebar.yml lists neither by name nor by a folder's glob ('tutorials/*')."
    entries = re.findall(r'^\s*-\s*(?:contents:\s*)?"?([^"\s]+\.ipynb|[^"\s]+/\*)"?\s*$|contents:\s*"([^"]+/\*)"', (nbs / 'sidebar.yml').read_text(), re.M)
    listed = {a or b for a, b in entries}
    pages = [p.relative_to(nbs).as_posix() for p in nbs.rglob('*.ipynb') if not p.name.startswith('_') and '.ipynb_checkpoints' not in p.parts]
    return [p for p in sorted(pages) if p not in listed and not any(g.endswith('/*') and p.startswith(g[:-1]) and '/' not in p[len(g) - 1:] for g in listed)]

def check(proc=Path('_proc')) -> dict:
    problems, counts = [], dict(pages=0, cards=0, outputs=0, figures=0)
    problems += [f"{p}: not in nbs/sidebar.yml (the sidebar is written by hand: list it there)" for p in unlisted()]
    pages = sorted(p for p in proc.rglob('*.ipynb') if not p.name.startswith('_') and '.ipynb_checkpoints' not in p.parts)
    for p in pages:
        nb, rel = json.loads(p.read_text()), p.relative_to(proc)
        counts['pages'] += 1
        title, desc = page_header(nb)
        if not title or not desc: problems.append(f"{rel}: no {'title' if not title else 'one-line description'}")
        for i, c in enumerate(nb['cells']):
            for o in c.get('outputs', []):
                counts['outputs'] += 1
                text = ''.join(o.get('text', '')) + ''.join(o.get('data', {}).get('text/plain', ''))
                if o.get('output_type') == 'error' or 'Traceback (most recent call last)' in text:
                    problems.append(f"{rel}, cell {i}: an error output ({o.get('ename', text.splitlines()[0] if text else '')})")
                if re.search(r'<Figure size [^>]*Axes>', text):
                    counts['figures'] += 1
                    if not any(k.startswith('image/') for q in c['outputs'] for k in q.get('data', {})):
                        problems.append(f"{rel}, cell {i}: a figure without its image")
                elif any(k.startswith('image/') for k in o.get('data', {})): counts['figures'] += 1
    for nb_name, names in exported(proc).items():
        p = proc / nb_name
        if not p.exists(): problems.append(f"{nb_name}: no processed page"); continue
        cards = {}
        for c in json.loads(p.read_text())['cells']:
            m = re.search(r'show_doc\((\w+)\)', ''.join(c['source']))
            if m: cards[m.group(1)] = any('text/markdown' in o.get('data', {}) for o in c.get('outputs', []))
        for n in names:
            if not cards.get(n): problems.append(f"{nb_name}: no doc card for {n}")
            else: counts['cards'] += 1
    return {'problems': problems, **counts}

if __name__ == '__main__':
    r = check(Path(sys.argv[1]) if len(sys.argv) > 1 else Path('_proc'))
    print(f"docs: {r['pages']} pages (title and one-line description checked), {r['cards']} doc cards of exported functions and classes, "
          f"{r['outputs']} stored outputs without an error, {r['figures']} figures with their image")
    for p in r['problems']: print('  ' + p)
    sys.exit(1 if r['problems'] else 0)
