"""A small deterministic corpus of news-like articles (Indonesian and English) for tests.

The sentences follow real news patterns (meetings, quotes with speech verbs, dated
events) so that, once the extractors find things, engine-equivalence tests compare
non-empty mentions, quotes and meetings tables too.
"""

from __future__ import annotations

import random

import pandas as pd

import newsanalysis as na

PEOPLE_ID = [
    ("Presiden Joko Widodo", "Jokowi"),
    ("Perdana Menteri Malaysia Mahathir Mohamad", "Mahathir"),
    ("Menteri Luar Negeri Retno Marsudi", "Retno"),
    ("Ketua DPR Bambang Soesatyo", "Bambang"),
    ("Menteri Pertahanan Prabowo Subianto", "Prabowo"),
]
PEOPLE_EN = [
    ("President Joko Widodo", "Widodo"),
    ("Prime Minister Scott Morrison", "Morrison"),
    ("Foreign Minister Retno Marsudi", "Marsudi"),
    ("Chinese President Xi Jinping", "Xi"),
]
PLACES = ["Jakarta", "Bogor", "Kuala Lumpur", "Canberra", "Beijing"]
DAYS_ID = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat"]
DAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _indonesian(rng: random.Random, day: int) -> str:
    (a, a_short), (b, b_short) = rng.sample(PEOPLE_ID, 2)
    place = rng.choice(PLACES)
    weekday = rng.choice(DAYS_ID)
    return (
        f"{a} bertemu {b} di {place}, {weekday} ({day}/9/2019). "
        f"Pertemuan itu membahas kerja sama ekonomi dan perdagangan kedua negara.\n\n"
        f'"Kami sepakat memperkuat kerja sama di bidang investasi," kata {a_short} '
        f"kepada wartawan usai pertemuan.\n\n"
        f"Menurut {b_short}, kedua pihak juga akan bertemu lagi bulan depan. "
        f"{b_short} mengatakan hubungan kedua negara sangat baik.\n\n"
        f"Baca juga: Berita lain tentang {place}"
    )


def _english(rng: random.Random, day: int) -> str:
    (a, a_short), (b, b_short) = rng.sample(PEOPLE_EN, 2)
    place = rng.choice(PLACES)
    weekday = rng.choice(DAYS_EN)
    return (
        f"{a} met {b} in {place} on {weekday}, September {day}, 2019, officials said.\n\n"
        f'"We agreed to deepen our economic partnership," {a_short} told reporters after '
        f"the talks.\n\n"
        f"{b_short} said the two leaders would speak by phone next month. "
        f"He did not call the opposition leader, his office said."
    )


def synthetic_frame(n: int = 120, seed: int = 7) -> pd.DataFrame:
    """``n`` articles with title, date, url; a few exact and near copies among them."""
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        day = 1 + rng.randrange(28)
        text = _indonesian(rng, day) if i % 3 else _english(rng, day)
        rows.append(
            {
                "content": text,
                "title": f"Article {i}",
                "date": f"2019-09-{day:02d}",
                "url": f"https://example.org/news/{i}",
            }
        )
    if n >= 20:
        rows[10]["content"] = rows[4]["content"]  # exact copy
        rows[11]["content"] = rows[5]["content"].replace("wartawan", "media", 1)  # near copy
    return pd.DataFrame(rows)


def synthetic_corpus(n: int = 120, seed: int = 7) -> na.Corpus:
    return na.load_table(synthetic_frame(n, seed))
