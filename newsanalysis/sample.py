"""The bundled sample corpus, and its analysis cached so that notebooks open fast.

``sample_path()`` finds the repository's ``data/`` folder wherever the notebook runs
(JupyterLab starts in ``notebooks/``); ``load_sample()`` analyses it once and keeps the
result in ``.cache/sample/<fingerprint>/`` next to ``data/``. The fingerprint covers the
sample files and the package's code and language packs, so a new extractor or an edited
sample file gives a fresh analysis instead of a stale one.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from pathlib import Path

from .analysis import Analysis
from .errors import NewsAnalysisError

PACKAGE = Path(__file__).resolve().parent
REPO = PACKAGE.parent
#: while ``data/`` is not in the checkout yet, developers fall back to the shared seed
DEV_FALLBACK = REPO.parent / "shared" / "corpus" / "seed"


def sample_path() -> Path:
    """The folder of the bundled sample articles.

    ``$NEWSANALYSIS_SAMPLE`` if set; else the ``data/`` folder of the repository (found
    from the package, then from the working directory upwards).
    """
    override = os.environ.get("NEWSANALYSIS_SAMPLE")
    if override:
        path = Path(override).expanduser()
        if not path.exists():
            raise NewsAnalysisError(f"NEWSANALYSIS_SAMPLE points at {path}, which does not exist")
        return path
    candidates = [REPO / "data"]
    here = Path.cwd().resolve()
    candidates += [folder / "data" for folder in (here, *here.parents)]
    for folder in candidates:
        if folder.is_dir() and any(_sample_files(folder)):
            return folder
    if DEV_FALLBACK.is_dir():
        return DEV_FALLBACK
    raise NewsAnalysisError(
        "the bundled sample (the repository's data/ folder) was not found; "
        "load your own articles with na.load('path/to/articles')"
    )


def _sample_files(folder: Path):
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.name.startswith(".") and ".cache" not in path.parts:
            yield path


def fingerprint(folder: Path) -> str:
    """A short hash of the sample files (name, size, mtime) and the package code."""
    digest = hashlib.blake2b(digest_size=8)
    for path in _sample_files(folder):
        stat = path.stat()
        digest.update(f"{path.relative_to(folder)}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    for path in sorted(PACKAGE.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        if path.suffix in (".py", ".toml"):
            digest.update(path.read_bytes())
        else:
            stat = path.stat()
            digest.update(f"{path.relative_to(PACKAGE)}|{stat.st_size}".encode())
    return digest.hexdigest()


def cache_root() -> Path:
    """``$NEWSANALYSIS_CACHE``, else ``.cache/`` in the repository (or the user cache)."""
    override = os.environ.get("NEWSANALYSIS_CACHE")
    if override:
        return Path(override).expanduser()
    if os.access(REPO, os.W_OK):
        return REPO / ".cache"
    return Path.home() / ".cache" / "newsanalysis"


def load_sample(refresh: bool = False, quiet: bool = False) -> Analysis:
    """The analysis of the bundled sample, computed once and then read from the cache.

    ``$NEWSANALYSIS_SAMPLE_RESULT`` (a folder written by ``Analysis.save``) replaces it:
    the tests use that to open the notebooks on a prepared result.
    """
    prepared = os.environ.get("NEWSANALYSIS_SAMPLE_RESULT")
    if prepared:
        return Analysis.load(prepared)
    folder = sample_path()
    target = cache_root() / "sample" / fingerprint(folder)
    if target.is_dir() and not refresh:
        try:
            result = Analysis.load(target)
            if not quiet:
                print(f"sample: {len(result.articles):,} articles (cached analysis in {target})")
            return result
        except NewsAnalysisError:
            shutil.rmtree(target, ignore_errors=True)
    from .load import load
    from .pipeline import analyze

    started = time.perf_counter()
    result = analyze(load(folder), progress=False)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".tmp-", dir=target.parent))
    result.save(staging)
    try:
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)  # atomic: a notebook running in parallel sees all or nothing
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)
    if not quiet:
        seconds = time.perf_counter() - started
        print(
            f"sample: analysed {len(result.articles):,} articles from {folder} in {seconds:.1f} s "
            f"(cached in {target})"
        )
    return result
