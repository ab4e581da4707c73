"""A small hand-made but realistic :class:`~newsanalysis.Analysis` for tests.

Eight short articles (Indonesian and English, four outlets, 2022-2023) about Xi Jinping,
Vladimir Putin, Wang Yi, Joko Widodo and others, with the mentions, quotes (with
sentiment) and meetings (with modes, statuses, dates and an ``event_id`` shared by two
reports of the same visit) an extractor would produce. Offsets are computed from the text,
so every row points at its real sentence.
"""

from __future__ import annotations

import re

import pandas as pd

import newsanalysis as na
from newsanalysis.document import Document

ACTORS = {
    "Q15031": ("Xi Jinping", "person", "CHN", ["Xi"]),
    "Q7747": ("Vladimir Putin", "person", "RUS", ["Putin"]),
    "Q591990": ("Wang Yi", "person", "CHN", []),
    "Q6176": ("Joko Widodo", "person", "IDN", ["Jokowi"]),
    "per:wang-wenbin": ("Wang Wenbin", "person", "CHN", []),
    "Q4276263": ("Dmitry Peskov", "person", "RUS", ["Peskov"]),
    "Q17635966": ("Qin Gang", "person", "CHN", []),
    "Q4350773": ("Dmytro Kuleba", "person", "UKR", ["Kuleba"]),
    "Q3874799": ("Volodymyr Zelensky", "person", "UKR", ["Zelensky"]),
    "org:kremlin": ("Kremlin", "organisation", "RUS", []),
    "Q5217876": ("Retno Marsudi", "person", "IDN", ["Retno"]),
}
NAME_TO_ID = {name: actor_id for actor_id, (name, *_rest) in ACTORS.items()}

# (article_id, published, language, source, title, text, surfaces)
ARTICLES = [
    (
        "cnn-2023-03-17",
        "2023-03-17",
        "id",
        "CNN Indonesia",
        "Xi Jinping akan ke Moskow bertemu Putin",
        "Pemimpin China Xi Jinping menuju ke Moskow minggu depan untuk bertemu dengan "
        "Presiden Vladimir Putin. "
        "“Proposal China bermuara pada satu kalimat, mendesak perdamaian,” kata juru bicara "
        "Wang Wenbin. "
        "Pada hari Kamis, Qin Gang berbicara dengan Dmytro Kuleba melalui telepon. "
        "Xi telah berbicara dengan Putin beberapa kali, tetapi tidak satu pun panggilan "
        "telepon ke Volodymyr Zelensky. "
        "Putin dan Xi terakhir mengadakan pertemuan virtual pada bulan Desember. "
        "Xi telah bertemu langsung dengan Putin sebanyak 39 kali.",
    ),
    (
        "reuters-2023-03-21",
        "2023-03-21",
        "en",
        "Reuters",
        "Xi and Putin hold talks in the Kremlin",
        "Xi Jinping and Vladimir Putin held talks in the Kremlin on Tuesday. "
        "Putin said relations had reached “the highest point in their history”. "
        "Xi called Putin “my dear friend” and praised the partnership. "
        "Dmitry Peskov said “Putin and Xi had good and constructive talks”.",
    ),
    (
        "kompas-2023-03-22",
        "2023-03-22",
        "id",
        "Kompas",
        "Xi dan Putin tanda tangani kesepakatan",
        "Presiden China Xi Jinping bertemu Presiden Rusia Vladimir Putin di Moskow pada "
        "Selasa (21/3/2023). "
        "“Hubungan kita adalah yang terbaik dalam sejarah,” kata Putin. "
        "Menurut Xi, kerja sama kedua negara “terus menguat”.",
    ),
    (
        "antara-2022-11-16",
        "2022-11-16",
        "id",
        "Antara",
        "Jokowi bertemu Xi Jinping di Bali",
        "Presiden Joko Widodo bertemu Presiden China Xi Jinping di sela KTT G20 di Bali, "
        "Rabu (16/11/2022). "
        "“Kami berharap kerja sama kedua negara semakin erat,” kata Jokowi. "
        "Jokowi juga menelepon Vladimir Putin pekan lalu. "
        "Putin batal hadir di Bali, kata Retno Marsudi.",
    ),
    (
        "antara-2022-07-01",
        "2022-07-01",
        "id",
        "Antara",
        "Jokowi bertemu Putin di Moskow",
        "Presiden Joko Widodo bertemu Presiden Vladimir Putin di Kremlin, Kamis (30/6/2022). "
        "“Saya siap menjembatani komunikasi,” kata Jokowi. "
        "Putin mengatakan Rusia “tidak menghalangi” ekspor pangan. "
        "Jokowi sebelumnya bertemu Volodymyr Zelensky di Kyiv.",
    ),
    (
        "reuters-2023-02-22",
        "2023-02-22",
        "en",
        "Reuters",
        "Putin hosts Wang Yi in Moscow",
        "Vladimir Putin hosted China's top diplomat Wang Yi in Moscow on Wednesday. "
        "Wang Yi said China would “continue to strengthen our comprehensive strategic "
        "partnership”. "
        "Putin said he expected Xi Jinping to visit Russia.",
    ),
    (
        "kompas-2023-04-05",
        "2023-04-05",
        "id",
        "Kompas",
        "Zelensky ingin bicara dengan Xi",
        "Volodymyr Zelensky mengatakan ingin berbicara dengan Xi Jinping melalui telepon. "
        "“Kami siap berdialog, tetapi perang ini adalah kejahatan,” kata Zelensky. "
        "Dmytro Kuleba menyebut sikap Beijing “mengecewakan”. "
        "“Kami berharap Xi Jinping mendengarkan Ukraina,” kata Zelensky.",
    ),
    (
        "cnn-2023-04-27",
        "2023-04-27",
        "en",
        "CNN Indonesia",
        "Xi and Zelensky hold first call",
        "Xi Jinping and Volodymyr Zelensky spoke by phone on Wednesday, their first call "
        "since the war began. "
        "Zelensky called the call “long and meaningful”. "
        "The Kremlin said it welcomed “any steps towards peace”.",
    ),
]

# article_id -> list of (text, speaker, kind, cue, sentiment, label)
QUOTES = {
    "cnn-2023-03-17": [
        (
            "Proposal China bermuara pada satu kalimat, mendesak perdamaian,",
            "Wang Wenbin",
            "direct",
            "kata",
            0.3,
            "positive",
        )
    ],
    "reuters-2023-03-21": [
        (
            "the highest point in their history",
            "Vladimir Putin",
            "partial",
            "said",
            0.8,
            "positive",
        ),
        ("my dear friend", "Xi Jinping", "partial", "called", 0.7, "positive"),
        (
            "Putin and Xi had good and constructive talks",
            "Dmitry Peskov",
            "partial",
            "said",
            0.6,
            "positive",
        ),
    ],
    "kompas-2023-03-22": [
        (
            "Hubungan kita adalah yang terbaik dalam sejarah,",
            "Vladimir Putin",
            "direct",
            "kata",
            0.9,
            "positive",
        ),
        ("terus menguat", "Xi Jinping", "partial", "menurut", 0.5, "positive"),
    ],
    "antara-2022-11-16": [
        (
            "Kami berharap kerja sama kedua negara semakin erat,",
            "Joko Widodo",
            "direct",
            "kata",
            0.6,
            "positive",
        )
    ],
    "antara-2022-07-01": [
        ("Saya siap menjembatani komunikasi,", "Joko Widodo", "direct", "kata", 0.2, "neutral"),
        ("tidak menghalangi", "Vladimir Putin", "partial", "mengatakan", -0.1, "neutral"),
    ],
    "reuters-2023-02-22": [
        (
            "continue to strengthen our comprehensive strategic partnership",
            "Wang Yi",
            "partial",
            "said",
            0.5,
            "positive",
        )
    ],
    "kompas-2023-04-05": [
        (
            "Kami siap berdialog, tetapi perang ini adalah kejahatan,",
            "Volodymyr Zelensky",
            "direct",
            "kata",
            -0.6,
            "negative",
        ),
        ("mengecewakan", "Dmytro Kuleba", "partial", "menyebut", -0.7, "negative"),
        (
            "Kami berharap Xi Jinping mendengarkan Ukraina,",
            "Volodymyr Zelensky",
            "direct",
            "kata",
            0.1,
            "neutral",
        ),
    ],
    "cnn-2023-04-27": [
        ("long and meaningful", "Volodymyr Zelensky", "partial", "called", 0.4, "positive"),
        ("any steps towards peace", "Kremlin", "partial", "said", 0.3, "positive"),
    ],
}

# article_id -> list of dicts (participants by name, evidence = a phrase of the sentence)
MEETINGS = {
    "cnn-2023-03-17": [
        dict(
            participants=["Xi Jinping", "Vladimir Putin"],
            mode="visit",
            status="planned",
            date_start="2023-03-20",
            date_end="2023-03-22",
            date_precision="day",
            location="Moscow",
            evidence="menuju ke Moskow minggu depan",
            event_id="ev:xi-moscow-2023",
            host="Vladimir Putin",
        ),
        dict(
            participants=["Qin Gang", "Dmytro Kuleba"],
            mode="phone",
            status="happened",
            date_start="2023-03-16",
            date_precision="day",
            evidence="berbicara dengan Dmytro Kuleba melalui telepon",
        ),
        dict(
            participants=["Xi Jinping", "Volodymyr Zelensky"],
            mode="phone",
            status="negated",
            evidence="tidak satu pun panggilan telepon",
        ),
        dict(
            participants=["Vladimir Putin", "Xi Jinping"],
            mode="virtual",
            status="happened",
            date_start="2022-12-01",
            date_end="2022-12-31",
            date_precision="month",
            evidence="mengadakan pertemuan virtual pada bulan Desember",
        ),
        dict(
            participants=["Xi Jinping", "Vladimir Putin"],
            mode="in_person",
            status="happened",
            count=39,
            evidence="bertemu langsung dengan Putin sebanyak 39 kali",
        ),
    ],
    "reuters-2023-03-21": [
        dict(
            participants=["Xi Jinping", "Vladimir Putin"],
            mode="talks",
            status="happened",
            date_start="2023-03-21",
            date_precision="day",
            location="Moscow",
            evidence="held talks in the Kremlin on Tuesday",
            event_id="ev:xi-moscow-2023",
            host="Vladimir Putin",
        )
    ],
    "kompas-2023-03-22": [
        dict(
            participants=["Xi Jinping", "Vladimir Putin"],
            mode="in_person",
            status="happened",
            date_start="2023-03-21",
            date_precision="day",
            location="Moscow",
            evidence="bertemu Presiden Rusia Vladimir Putin di Moskow",
            event_id="ev:xi-moscow-2023",
            host="Vladimir Putin",
        )
    ],
    "antara-2022-11-16": [
        dict(
            participants=["Joko Widodo", "Xi Jinping"],
            mode="in_person",
            status="happened",
            date_start="2022-11-16",
            date_precision="day",
            location="Bali",
            evidence="bertemu Presiden China Xi Jinping di sela KTT G20",
        ),
        dict(
            participants=["Joko Widodo", "Vladimir Putin"],
            mode="phone",
            status="happened",
            date_start="2022-11-07",
            date_end="2022-11-13",
            date_precision="day",
            evidence="menelepon Vladimir Putin pekan lalu",
        ),
        dict(
            participants=["Vladimir Putin", "Joko Widodo"],
            mode="summit",
            status="cancelled",
            date_start="2022-11-15",
            date_precision="day",
            location="Bali",
            evidence="Putin batal hadir di Bali",
        ),
    ],
    "antara-2022-07-01": [
        dict(
            participants=["Joko Widodo", "Vladimir Putin"],
            mode="visit",
            status="happened",
            date_start="2022-06-30",
            date_precision="day",
            location="Moscow",
            evidence="bertemu Presiden Vladimir Putin di Kremlin",
            host="Vladimir Putin",
        ),
        dict(
            participants=["Joko Widodo", "Volodymyr Zelensky"],
            mode="visit",
            status="happened",
            evidence="sebelumnya bertemu Volodymyr Zelensky di Kyiv",
        ),
    ],
    "reuters-2023-02-22": [
        dict(
            participants=["Vladimir Putin", "Wang Yi"],
            mode="visit",
            status="happened",
            date_start="2023-02-22",
            date_precision="day",
            location="Moscow",
            evidence="hosted China's top diplomat Wang Yi in Moscow",
            host="Vladimir Putin",
        ),
        dict(
            participants=["Xi Jinping", "Vladimir Putin"],
            mode="visit",
            status="planned",
            date_start="2023-01-01",
            date_end="2023-12-31",
            date_precision="year",
            evidence="expected Xi Jinping to visit Russia",
        ),
    ],
    "kompas-2023-04-05": [
        dict(
            participants=["Volodymyr Zelensky", "Xi Jinping"],
            mode="phone",
            status="requested",
            evidence="ingin berbicara dengan Xi Jinping melalui telepon",
        )
    ],
    "cnn-2023-04-27": [
        dict(
            participants=["Xi Jinping", "Volodymyr Zelensky"],
            mode="phone",
            status="happened",
            date_start="2023-04-26",
            date_precision="day",
            evidence="spoke by phone on Wednesday",
        )
    ],
}


def make_demo_analysis() -> na.Analysis:
    """The demo Analysis (built fresh on each call, so tests may modify it)."""
    surfaces = sorted(
        {
            (alias, actor_id)
            for actor_id, (name, *_x, aliases) in ACTORS.items()
            for alias in [name, *aliases]
        },
        key=lambda item: -len(item[0]),
    )
    articles, mentions, quotes, meetings = [], [], [], []
    for article_id, published, language, source, title, text in ARTICLES:
        doc = Document(article_id=article_id, text=text, language=language)
        articles.append(
            dict(
                article_id=article_id,
                title=title,
                text=text,
                published=published,
                language=language,
                source=source,
                url=f"https://news.example.org/{article_id}",
                path=f"demo/{article_id}.txt",
            )
        )
        taken: list[tuple[int, int]] = []
        for surface, actor_id in surfaces:
            for match in re.finditer(rf"\b{re.escape(surface)}\b", text):
                start, end = match.span()
                if any(s < end and start < e for s, e in taken):
                    continue
                taken.append((start, end))
                method = "kb" if surface == ACTORS[actor_id][0] else "alias"
                mentions.append(
                    dict(
                        article_id=article_id,
                        actor_id=actor_id,
                        surface=surface,
                        start=start,
                        end=end,
                        method=method,
                        sentence=doc.sentence_index(start),
                    )
                )
        for n, (quote, speaker, kind, cue, score, label) in enumerate(QUOTES.get(article_id, [])):
            start = text.index(quote)
            quotes.append(
                dict(
                    article_id=article_id,
                    quote_id=f"{article_id}:q{n}",
                    text=quote,
                    start=start,
                    end=start + len(quote),
                    kind=kind,
                    speaker=speaker,
                    speaker_id=NAME_TO_ID[speaker],
                    speaker_surface=speaker.split()[-1],
                    cue=cue,
                    sentiment=score,
                    sentiment_label=label,
                )
            )
        for n, spec in enumerate(MEETINGS.get(article_id, [])):
            spec = dict(spec)
            phrase = spec.pop("evidence")
            pos = text.index(phrase)
            s_start, s_end = doc.sentence_of(pos)
            meetings.append(
                dict(
                    article_id=article_id,
                    meeting_id=f"{article_id}:m{n}",
                    participant_ids=[NAME_TO_ID[p] for p in spec["participants"]],
                    start=s_start,
                    end=s_end,
                    evidence=text[s_start:s_end],
                    count=spec.pop("count", 1),
                    **spec,
                )
            )
    actors = pd.DataFrame(
        [
            dict(
                actor_id=i,
                name=n,
                type=t,
                country=c,
                aliases=a,
                wikidata_id=i if i[0] == "Q" else None,
            )
            for i, (n, t, c, a) in ACTORS.items()
        ]
    )
    meetings_frame = pd.DataFrame(meetings)
    meetings_frame["event_id"] = meetings_frame["event_id"].astype("string")
    return na.Analysis(
        articles=pd.DataFrame(articles),
        mentions=pd.DataFrame(mentions),
        actors=actors,
        quotes=pd.DataFrame(quotes),
        meetings=meetings_frame,
    )
