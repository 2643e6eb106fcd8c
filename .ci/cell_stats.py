"""Median length (lines) of the export cells of each module notebook, and median definitions per export cell: `python .ci/cell_stats.py [root]`."""
import json, glob, statistics as st, sys, ast, os
root = sys.argv[1] if len(sys.argv) > 1 else '.'
for p in sorted(glob.glob(f'{root}/nbs/[0-9]*.ipynb')):
    nb = json.load(open(p))
    cells = [''.join(c['source']) for c in nb['cells'] if c['cell_type'] == 'code' and ''.join(c['source']).lstrip().startswith('#| export')]
    lens = [len(s.rstrip('\n').split('\n')) - 1 for s in cells]
    ndefs = []
    for s in cells:
        try: t = ast.parse(s)
        except SyntaxError: continue
        ndefs.append(sum(isinstance(n, (ast.FunctionDef, ast.ClassDef)) for n in t.body))
    if lens: print(f"{os.path.basename(p):22s} export cells {len(lens):3d}  median lines {st.median(lens):5.1f}  median defs/cell {st.median(ndefs):3.1f}  max lines {max(lens)}")
