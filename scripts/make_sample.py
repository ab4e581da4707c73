"""Choose the bundled sample of ``data/``: political news from CLICK-ID, plus the seed.

CLICK-ID (CC BY 4.0) holds four outlets' articles of September 2019. This script keeps
the rows of each outlet's main sheet / file, raw (exactly as the scraper wrote them:
mixed date formats, mojibake, comma-joined paragraphs), that are

1. in a national / international news section (not sport, celebrity, lifestyle ...);
2. about politics as a politics reader means it: they name national or foreign leaders
   and institutions (:data:`ACTORS`) and report meetings, visits, calls or statements
   (:data:`EVENTS`);

ranked by how many of those they mention, then takes the best :data:`PER_OUTLET` of each
outlet, so that the sample is varied. The same input always gives the same sample.

    .venv/bin/python scripts/make_sample.py [--shared ../shared] [--out data]
"""

from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]

PER_OUTLET = 75
#: category / sub-category values (lower case) of political and general news sections
NEWS_SECTIONS = {
    "news",
    "nasional",
    "internasional",
    "international",
    "politik",
    "hukum",
    "asia pasifik",
    "amerika",
    "eropa",
    "timur tengah",
    "megapolitan",
    "regional",
    "daerah",
    "metropolitan",
    "metro",
}
#: people and institutions of national and international politics (Sept 2019)
ACTORS = [
    r"jokowi",
    r"joko widodo",
    r"prabowo",
    r"ma'ruf amin",
    r"jusuf kalla",
    r"megawati",
    r"\bsby\b",
    r"habibie",
    r"wiranto",
    r"retno marsudi",
    r"sri mulyani",
    r"moeldoko",
    r"pratikno",
    r"anies",
    r"menteri",
    r"\bdpr\b",
    r"\bmpr\b",
    r"\bkpk\b",
    r"xi jinping",
    r"putin",
    r"trump",
    r"mahathir",
    r"erdogan",
    r"boris johnson",
    r"kim jong",
    r"duterte",
    r"modi\b",
    r"rouhani",
    r"netanyahu",
    r"\bpbb\b",
    r"asean",
    r"presiden",
    r"perdana menteri",
    r"duta besar",
]
#: meetings, visits, calls and statements
EVENTS = [
    r"bertemu",
    r"pertemuan",
    r"menemui",
    r"kunjungan",
    r"berkunjung",
    r"bertandang",
    r"menerima",
    r"telepon",
    r"konferensi",
    r"\bktt\b",
    r"rapat",
    r"pembicaraan",
    r"bilateral",
    r"\bkata\b",
    r"ujar",
    r"mengatakan",
    r"menegaskan",
]
_ACTORS = [re.compile(p, re.IGNORECASE) for p in ACTORS]
_EVENTS = [re.compile(p, re.IGNORECASE) for p in EVENTS]

OUTLETS = ["kompas.xlsx", "okezone.xlsx", "sindonews.xlsx", "tribunnews.csv"]


def read_outlet(path: Path) -> pd.DataFrame:
    """The main sheet / file, as written (strings and Excel dates as they are)."""
    if path.suffix == ".csv":
        return pd.read_csv(path, dtype=str, keep_default_na=False).replace("", None)
    return pd.read_excel(path, sheet_name=0, engine="calamine", dtype=object)


def score(row: pd.Series) -> int:
    """Distinct actors times distinct event words (0 when either is missing)."""
    text = f"{row.get('title') or ''} {row.get('content') or ''}"
    actors = sum(1 for p in _ACTORS if p.search(text))
    events = sum(1 for p in _EVENTS if p.search(text))
    return actors * events


def is_news(row: pd.Series) -> bool:
    sections = {str(row.get(c) or "").strip().lower() for c in ("category", "sub-category")}
    return bool(sections & NEWS_SECTIONS)


def choose(frame: pd.DataFrame, n: int) -> pd.DataFrame:
    content = frame["content"].fillna("").astype(str)
    candidates = frame[frame.apply(is_news, axis=1) & (content.str.len().between(800, 8000))]
    scores = candidates.apply(score, axis=1)
    ranked = candidates.assign(_score=scores).sort_values("_score", ascending=False, kind="stable")
    return ranked.head(n).drop(columns="_score").sort_index()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--out", default=str(ROOT / "data"))
    args = parser.parse_args(argv)
    shared, out = Path(args.shared), Path(args.out)
    (out / "click-id").mkdir(parents=True, exist_ok=True)
    (out / "seed").mkdir(parents=True, exist_ok=True)
    for name in OUTLETS:
        frame = read_outlet(shared / "corpus" / "click-id" / name)
        chosen = choose(frame, PER_OUTLET)
        chosen.insert(0, "click_id_row", chosen.index + 2)  # row in the original, header = 1
        target = out / "click-id" / f"{Path(name).stem}.csv"
        chosen.to_csv(target, index=False)
        print(f"{name}: {len(chosen)} of {len(frame)} rows -> {target.relative_to(ROOT)}")
    for path in sorted((shared / "corpus" / "seed").glob("cnn-xi-putin-moscow.*")):
        shutil.copyfile(path, out / "seed" / path.name)
        print(f"seed: {path.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
