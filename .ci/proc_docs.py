"""Process the notebooks for the docs as `nbdev_proc_nbs` does, without its Quarto installer.

Without Quarto, `nbdev_proc_nbs` installs it (with sudo) and then runs `pip install -e ".[dev]"` with
whatever `pip` is first on PATH. This runs the same steps (nbdev's own functions) and nothing else,
so the docs sources are checked on machines without Quarto and nothing outside the project is touched."""
import shutil, sys
import nbdev.doclinks
from nbdev.quarto import refresh_quarto_yml, nbdev_sidebar, proc_nbs

if __name__ == '__main__':
    if shutil.which('quarto'): sys.exit("quarto is installed: use nbdev_docs")
    refresh_quarto_yml()
    nbdev.doclinks._build_modidx()
    nbdev_sidebar.__wrapped__()
    print(f"processed into {proc_nbs()}")
