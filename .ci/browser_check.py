"""Open a small run's report.html in headless Chromium (Debian's package) and check what it shows.

A small `dg_prune` run writes its page; Chromium loads it from disk and dumps the DOM after the
page's load handler ran. The page must load with no console error and no script error, every image
must load (the page's own script counts them into <body data-images>), nothing may be fetched from
the network, every section must be there, and the Parents table must equal results.csv cell for
cell. The same checks on the file itself run in nbs/09r_report.ipynb, where no browser is needed."""
import shutil, subprocess, sys, tempfile
from pathlib import Path
import pandas as pd
from dg_pruning.report import SECTIONS
from dg_pruning.testing import check_page, parents_match

SMALL = ('--dataset rotated_digits --domains 0,15,30 --targets 15 --arch mnist_cnn --width 16 --seeds 0,1 --criteria random,l1,taylor '
         '--ratios 0.5 --epochs 8 --lr 0.01 --bs 20 --finetune_epochs 1 --corruptions contrast,zoom_blur --severities 1,3 '
         '--corruption_items 60 --n_batches 2 --recal_batches 2 --workers 1').split()

def main():
    browser = next(filter(None, map(shutil.which, ('chromium', 'chromium-browser', 'google-chrome'))), None)
    if not browser: sys.exit("browser check: no chromium on PATH (Debian: apt-get install chromium)")
    with tempfile.TemporaryDirectory() as d:
        out = Path(d) / 'run'
        subprocess.run(['dg_prune', *SMALL, '--out', str(out)], check=True, stdout=subprocess.DEVNULL)
        page = out / 'report.html'
        r = subprocess.run([browser, '--headless', '--no-sandbox', '--disable-gpu', '--virtual-time-budget=10000',
                            '--enable-logging=stderr', '--v=0', f'--user-data-dir={d}/profile', '--dump-dom', page.as_uri()],
                           capture_output=True, text=True, timeout=120)
        dom, log = r.stdout, r.stderr
        console = [l for l in log.splitlines() if 'CONSOLE' in l]
        chk, disk = check_page(dom), check_page(page.read_text())
        df = pd.read_csv(out / 'results.csv', dtype={'target': str})
        loaded, total = (chk['body'].get('data-images') or '?/?').split('/')
        print(f"browser check: {Path(browser).name} loaded {page.name} ({disk['bytes'] / 1e3:.0f} kB): sections {chk['sections']}; "
              f"images loaded {loaded}/{total} ({disk['embedded']} embedded in the file); script errors {chk['body'].get('data-errors')}; "
              f"console messages {len(console)}; network addresses {len(chk['urls'])}; "
              f"Parents table = results.csv: {parents_match(chk, df)}")
        problems = [m for ok, m in ((r.returncode == 0, f'chromium exited {r.returncode}'),
                                    (chk['sections'] == list(SECTIONS), 'sections missing'),
                                    (total != '?' and loaded == total and int(total) == disk['images'] > 0, 'not every image loaded'),
                                    (chk['body'].get('data-errors') == '0', 'a script error'), (not console, 'console messages: ' + '; '.join(console[:3])),
                                    (not chk['urls'], f"network addresses {chk['urls'][:3]}"), (parents_match(chk, df), 'Parents table differs from results.csv'))
                    if not ok]
        if problems: sys.exit('browser check failed: ' + '; '.join(problems))

if __name__ == '__main__': main()
