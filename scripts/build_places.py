"""Build the place-name list ``newsanalysis/resources/actors/places.txt``.

A capitalised word that names a place is no person ("Surabaya menjadi tuan rumah",
"Kutai Kartanegara"). Sources:

- CLICK-ID (Indonesian news, CC BY 4.0, ``../shared/corpus/click-id``): names written
  after an administrative or geographic word ("Kabupaten Bogor", "Kota Tanjungpinang",
  "Kecamatan Sumur", "Pulau Komodo"), seen at least ``--min-count`` times;
- the IANA time-zone database (public domain, through Python's ``zoneinfo``): the city
  of every zone ("Asia/Jakarta" -> Jakarta, "Europe/Moscow" -> Moscow).

Run from the repository root: ``python scripts/build_places.py``.
"""

from __future__ import annotations

import argparse
import re
import zoneinfo
from collections import Counter
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
CLICK = ROOT.parent / "shared" / "corpus" / "click-id"
OUT = ROOT / "newsanalysis" / "resources" / "actors" / "places.txt"
UNITS = (
    r"Kabupaten|Kota|Provinsi|Kecamatan|Kelurahan|Desa|Dusun|Pulau|Gunung|Danau|Teluk|Selat|Kab\."
)
PLACE = re.compile(rf"\b(?:{UNITS})\s+((?:[A-Z][a-z]+)(?:\s[A-Z][a-z]+){{0,2}})")
#: words that follow a unit word but are not part of a place name
NOT_PLACE = {
    "Administrasi",
    "Madya",
    "Besar",
    "Baru",
    "Lama",
    "Dalam",
    "Luar",
    "Setempat",
    "Tersebut",
    "Ini",
    "Itu",
}


def mine_click(min_count: int) -> Counter:
    counts: Counter = Counter()
    for path in sorted(CLICK.iterdir()):
        frame = pd.read_csv(path) if path.suffix == ".csv" else pd.read_excel(path)
        for text in frame["content"].dropna().astype(str):
            for match in PLACE.finditer(text):
                words = re.split(rf"\s(?:{UNITS})\b", match.group(1))[0].split()
                while words and words[-1] in NOT_PLACE:
                    words.pop()
                if words:
                    counts[" ".join(words)] += 1
    return Counter({p: n for p, n in counts.items() if n >= min_count})


def zone_cities() -> set[str]:
    cities = set()
    for zone in zoneinfo.available_timezones():
        if "/" in zone and not zone.startswith(
            ("Etc/", "SystemV/", "US/", "Canada/", "Brazil/", "Chile/", "Mexico/")
        ):
            cities.add(zone.rsplit("/", 1)[1].replace("_", " "))
    return cities


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-count", type=int, default=2)
    args = parser.parse_args(argv)
    places = set(mine_click(args.min_count)) | zone_cities()
    OUT.write_text("\n".join(sorted(places)) + "\n", encoding="utf-8")
    print(f"{len(places)} places -> {OUT}")


if __name__ == "__main__":
    main()
