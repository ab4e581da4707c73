"""Write the binary sample files of ``tests/data/formats/`` (.xlsx, .parquet).

The text samples there are written by hand; these two are generated so that they can be
re-made exactly. The workbook imitates real scraper output (CLICK-ID): a main sheet with
dates stored both as Excel datetimes (one with day and month swapped, as a month-first
reader leaves them) and as day-first strings, a separate ``time`` column ("21:48 WIB"),
and a second, label-only sheet.

    .venv/bin/python scripts/make_test_samples.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
from openpyxl import Workbook

OUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "formats"

ROWS = [
    (
        "Jokowi bertemu Xi Jinping di Osaka",
        "Kompas.com",
        dt.datetime(2019, 6, 28),  # a correct Excel date
        "10:15 WIB",
        "Presiden Joko Widodo bertemu Presiden China Xi Jinping di sela KTT G20 di Osaka, "
        "Jepang, Jumat (28/6/2019).,Keduanya membahas perdagangan dan investasi.,"
        '"Kami ingin neraca perdagangan lebih seimbang," kata Jokowi.',
        "https://nasional.kompas.com/read/2019/06/28/10150011/jokowi-bertemu-xi-jinping",
    ),
    (
        "Menlu Retno telepon Menlu Iran",
        "Kompas.com",
        dt.datetime(2019, 10, 9),  # 9 October read month-first: the URL says 10 September
        "21:48 WIB",
        "Menteri Luar Negeri Retno Marsudi berbicara melalui telepon dengan Menteri Luar "
        "Negeri Iran Javad Zarif, Selasa (10/9/2019).",
        "https://internasional.kompas.com/read/2019/09/10/21480011/menlu-retno-telepon-menlu-iran",
    ),
    (
        "Prabowo hadiri pelantikan",
        "Kompas.com",
        "16/09/2019",  # a day-first string in the same column
        "08:05 WIB",
        "Ketua Umum Partai Gerindra Prabowo Subianto menghadiri pelantikan anggota DPR.",
        "https://nasional.kompas.com/read/2019/09/16/08050011/prabowo-hadiri-pelantikan",
    ),
]


def write_workbook(path: Path) -> None:
    book = Workbook()
    main = book.active
    main.title = "berita"
    main.append(["title", "source", "date", "time", "category", "content", "url"])
    for title, source, date, time, content, url in ROWS:
        main.append([title, source, date, time, "nasional", content, url])
    labels = book.create_sheet("berita_label")
    labels.append(["title", "label"])
    for row in ROWS:
        labels.append([row[0], "non-clickbait"])
    book.save(path)


def write_parquet(path: Path) -> None:
    frame = pd.DataFrame(
        {
            "article_id": ["pq-1", "pq-2"],
            "title": ["Sri Mulyani bertemu Bank Dunia", "Merkel visits Beijing"],
            "text": [
                "Menteri Keuangan Sri Mulyani Indrawati bertemu Presiden Bank Dunia David "
                "Malpass di Washington.",
                "German Chancellor Angela Merkel met Chinese Premier Li Keqiang in Beijing on "
                "Friday.",
            ],
            "published": pd.to_datetime(["2019-10-18 09:00", "2019-09-06 12:30"]),
            "language": ["id", "en"],
        }
    )
    frame.to_parquet(path, index=False)


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    write_workbook(OUT / "articles.xlsx")
    write_parquet(OUT / "articles.parquet")
    print(f"wrote {OUT / 'articles.xlsx'} and {OUT / 'articles.parquet'}")
