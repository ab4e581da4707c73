"""The date resolver: expression tables per language, documents, ranges, spans."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsanalysis.clean import clean_text
from newsanalysis.document import Document
from newsanalysis.extract.date_grammar import first_tokens, trie_regex
from newsanalysis.extract.dates import date_for_span, dates_table, find_dates, resolve_date

DATA = Path(__file__).parent / "data"


def _table(language: str) -> list[dict[str, str]]:
    with open(DATA / f"dates_{language}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _cases(language: str):
    return [
        pytest.param(row, id=f"{row['expression']}@{row['published']}") for row in _table(language)
    ]


def _check(row: dict[str, str], language: str) -> None:
    published = date.fromisoformat(row["published"])
    mention = resolve_date(row["expression"], published, language, row["tense"] or None)
    assert mention is not None, f"{row['expression']!r} not resolved"
    got = (mention.date_start.isoformat(), mention.date_end.isoformat(), mention.precision)
    assert got == (row["start"], row["end"], row["precision"]), mention


@pytest.mark.parametrize("row", _cases("id"))
def test_indonesian_expressions(row):
    _check(row, "id")


@pytest.mark.parametrize("row", _cases("en"))
def test_english_expressions(row):
    _check(row, "en")


@pytest.mark.parametrize("language", ["id", "en"])
def test_tables_are_large_and_real(language):
    rows = _table(language)
    assert len(rows) >= 80
    sources = {row["source"] for row in rows}
    real = {"seed", "click-id"} if language == "id" else {"polnear"}
    assert real & sources, f"the {language} table must hold expressions from real articles"


# --------------------------------------------------------------------------- documents

SEED_EXPECTED = {
    # expression in the seed article -> (start, end, precision)
    "minggu depan": ("2023-03-20", "2023-03-26", "day"),
    "pekan lalu": ("2023-03-06", "2023-03-12", "day"),
    "hari Jumat": ("2023-03-17", "2023-03-17", "day"),
    "dari Senin hingga Rabu": ("2023-03-20", "2023-03-22", "day"),
    "hari Senin": ("2023-03-20", "2023-03-20", "day"),
    "hari Selasa": ("2023-03-21", "2023-03-21", "day"),
    "hari Kamis": ("2023-03-16", "2023-03-16", "day"),
    "Februari tahun lalu": ("2022-02-01", "2022-02-28", "month"),
    "Bulan lalu": ("2023-02-01", "2023-02-28", "month"),
    "bulan Desember": ("2022-12-01", "2022-12-31", "month"),
    "September": ("2022-09-01", "2022-09-30", "month"),
}


@pytest.fixture(scope="module")
def seed_doc(seed_path) -> Document:
    text = clean_text(seed_path.read_text(encoding="utf-8")).text
    return Document("seed", text, "id", date(2023, 3, 17))


def test_seed_article(seed_doc):
    found = {m.text: m for m in find_dates(seed_doc)}
    for expression, expected in SEED_EXPECTED.items():
        assert expression in found, f"{expression!r} not found in the seed article"
        m = found[expression]
        assert (m.date_start.isoformat(), m.date_end.isoformat(), m.precision) == expected, m
    for m in find_dates(seed_doc):
        assert seed_doc.text[m.start : m.end] == m.text


def test_seed_phone_call_date(seed_doc):
    """ "Pada hari Kamis, ... Qin Gang berbicara dengan ... melalui telepon" -> 16 March."""
    pos = seed_doc.text.index("melalui telepon")
    m = date_for_span(seed_doc, pos, pos + len("melalui telepon"))
    assert m is not None and m.date_start == date(2023, 3, 16)


def test_result_is_cached(seed_doc):
    first = find_dates(seed_doc)
    assert seed_doc.extra["dates"] is first
    assert find_dates(seed_doc) is first


def _doc(text: str, published: date | None = date(2019, 9, 12), language: str = "id") -> Document:
    return Document("t", text, language, published)


def test_tense_of_sentence_sets_direction():
    # published Thursday 12 Sept 2019
    past = find_dates(_doc("Presiden telah bertemu dengan Menteri pada hari Senin."))
    future = find_dates(_doc("Presiden akan bertemu dengan Menteri pada hari Senin."))
    assert past[0].date_start == date(2019, 9, 9)
    assert "assumed_past" in past[0].flags
    assert future[0].date_start == date(2019, 9, 16)
    assert "assumed_future" in future[0].flags


def test_nearest_marker_wins():
    doc = _doc(
        "Ia mengatakan, Selasa (10/9/2019), bahwa rapat akan digelar pada hari Jumat.",
    )
    found = {m.text: m.date_start for m in find_dates(doc)}
    assert found["Selasa (10/9/2019)"] == date(2019, 9, 10)
    assert found["hari Jumat"] == date(2019, 9, 13)


def test_weekday_mismatch_keeps_explicit_date():
    m = resolve_date("Senin (10/9/2019)", date(2019, 9, 12), "id")
    assert m.date_start == date(2019, 9, 10)
    assert "weekday_mismatch" in m.flags
    assert (
        "weekday_mismatch" not in resolve_date("Selasa (10/9/2019)", date(2019, 9, 12), "id").flags
    )


def test_publication_weekday_is_that_day():
    # 12 Sept 2019 is a Thursday: "Kamis" is the day itself, past or future
    for tense in ("past", "future", None):
        assert resolve_date("Kamis", date(2019, 9, 12), "id", tense).date_start == date(2019, 9, 12)


def test_minggu_is_sunday_only_with_a_capital():
    m = find_dates(_doc("Acara digelar pada Minggu (15/9/2019) di Jakarta."))
    assert m[0].date_start == date(2019, 9, 15)
    assert find_dates(_doc("Dia menunggu dua minggu untuk itu.")) == []


def test_english_may_needs_a_capital():
    assert find_dates(_doc("They may 5 times refuse.", language="en")) == []
    assert resolve_date("May 5", date(2016, 4, 1), "en").date_start == date(2016, 5, 5)


def test_range_across_months_takes_year_of_second_date():
    m = resolve_date("dari 28 Desember hingga 2 Januari 2020", date(2020, 1, 10), "id")
    assert (m.date_start, m.date_end) == (date(2019, 12, 28), date(2020, 1, 2))
    assert "range" in m.flags


def test_range_needs_opener_for_and():
    doc = _doc("Between Monday and Wednesday the talks went on.", language="en")
    assert [m.kind for m in find_dates(doc)] == ["range"]
    doc = _doc("He met Trump on Monday and Obama on Wednesday.", language="en")
    assert len(find_dates(doc)) == 2


def test_anchored_to_previous_date():
    doc = _doc("Pesawat tiba Senin (9/9/2019). Keesokan harinya presiden berangkat.")
    found = {m.text: m for m in find_dates(doc)}
    assert found["Keesokan harinya"].date_start == date(2019, 9, 10)
    assert "anchored" in found["Keesokan harinya"].flags


def test_since_and_until_flags():
    m = resolve_date("sejak 2014", date(2019, 9, 12), "id")
    assert m.text == "2014" and "since" in m.flags
    assert "until" in resolve_date("hingga Oktober 2019", date(2019, 9, 12), "id").flags


def test_no_publication_date_keeps_explicit_dates_only():
    doc = _doc("Pada 17 Agustus 1945 dan kemarin.", published=None)
    assert [m.text for m in find_dates(doc)] == ["17 Agustus 1945"]


def test_language_without_pack_finds_nothing():
    assert find_dates(_doc("Hier, le 10 mars 2019.", language="other")) == []
    assert resolve_date("10 mars 2019", date(2019, 3, 11), "xx") is None


def test_bad_tense_is_refused():
    with pytest.raises(ValueError, match="tense"):
        resolve_date("Senin", date(2019, 9, 12), "id", "maybe")


def test_date_for_span_uses_neighbouring_sentence_of_same_paragraph():
    text = (
        "Presiden tiba di Tokyo pada Senin (9/9/2019). Ia kemudian bertemu Perdana Menteri.\n"
        "Paragraf baru tanpa tanggal bertemu lagi."
    )
    doc = _doc(text)
    pos = text.index("bertemu Perdana")
    assert date_for_span(doc, pos, pos + 7).date_start == date(2019, 9, 9)
    pos = text.index("tanpa tanggal")
    assert date_for_span(doc, pos, pos + 5) is None


def test_date_for_span_prefers_event_date_to_since():
    text = "Sejak 2014 keduanya berteman, dan pada Selasa (10/9/2019) mereka bertemu."
    doc = _doc(text)
    pos = text.index("bertemu")
    assert date_for_span(doc, pos, pos + 7).date_start == date(2019, 9, 10)


def test_dates_table_columns():
    table = dates_table(_doc("Ia datang kemarin dan pergi besok."))
    assert list(table.columns) == [
        "start",
        "end",
        "text",
        "date_start",
        "date_end",
        "precision",
        "flags",
        "kind",
    ]
    assert table["text"].tolist() == ["kemarin", "besok"]


# --------------------------------------------------------------------------- grammar


def test_trie_regex_matches_exactly_its_words():
    words = ["senin", "selasa", "sepekan", "se", "pekan lalu"]
    pattern = re.compile(rf"(?:{trie_regex(words)})\Z")
    for word in words:
        assert pattern.match(word)
    assert pattern.match("pekan   lalu")
    for other in ["sen", "selas", "pekan", "s", "senins"]:
        assert not pattern.match(other)


def test_first_tokens_of_templates():
    assert first_tokens(r"(?:hari\s+)?(?P<weekday>{weekday})") == {"hari", "{weekday}"}
    assert first_tokens(r"(?<![\d/.])(?P<day>{day})/") == {"{day}"}
    assert first_tokens(r"(?:(?P<count>{count})\s+x|(?P<one>{one_unit}))") == {
        "{count}",
        "{one_unit}",
    }
    assert first_tokens(r"\((?P<day>{day})\)") == {"#other"}


def test_month_takes_year_of_earlier_date_in_sentence():
    doc = _doc(
        "In 2008, Obama's campaign began airing ads in mid-September. In September they paused.",
        published=date(2016, 9, 4),
        language="en",
    )
    found = find_dates(doc)
    assert [(m.text, m.date_start) for m in found] == [
        ("2008", date(2008, 1, 1)),
        ("mid-September", date(2008, 9, 1)),
        ("September", date(2016, 9, 1)),
    ]
    assert "year_from_context" in found[1].flags


def test_anchored_to_a_year_keeps_the_year():
    doc = _doc("Mereka bertemu sekitar tahun 2001 dan menikah sebulan kemudian.")
    later = find_dates(doc)[-1]
    assert (later.text, later.date_start, later.date_end, later.precision) == (
        "sebulan kemudian",
        date(2001, 1, 1),
        date(2001, 12, 31),
        "year",
    )


def test_law_numbers_and_ages_are_not_dates():
    doc = _doc("Revisi UU Nomor 30 Tahun 2002 tentang KPK. Aktor berusia 31 tahun ini senang.")
    assert find_dates(doc) == []


def test_period_forward():
    m = resolve_date("enam bulan ke depan", date(2019, 9, 10), "id")
    assert (m.date_start, m.date_end) == (date(2019, 9, 10), date(2020, 3, 10))
    assert {"range", "period"} <= set(m.flags)


def test_decimal_counts_are_not_counts():
    assert find_dates(_doc("Hukumannya masih 2,5 tahun lagi.")) == []


def test_month_ranges():
    m = resolve_date("selama September-Oktober", date(2019, 9, 10), "id", "future")
    assert (m.date_start, m.date_end, m.precision) == (
        date(2019, 9, 1),
        date(2019, 10, 31),
        "month",
    )
    m = resolve_date("Desember-Februari 2020", date(2019, 9, 10), "id")
    assert (m.date_start, m.date_end) == (date(2019, 12, 1), date(2020, 2, 29))
    m = resolve_date("January to March", date(2016, 5, 1), "en", "past")
    assert (m.date_start, m.date_end) == (date(2016, 1, 1), date(2016, 3, 31))


def test_news_typos_and_hyphenated_dates():
    assert resolve_date("Senin (9/9.2019)", date(2019, 9, 10), "id").date_start == date(2019, 9, 9)
    assert resolve_date("hari sabtu 27-juli-2019", date(2019, 9, 10), "id").date_start == date(
        2019, 7, 27
    )
    m = resolve_date("penurunan sepanjang Agustus", date(2019, 9, 10), "id", "past")
    assert (m.text, m.date_start) == ("Agustus", date(2019, 8, 1))


def test_reporting_dates_are_flagged_and_not_preferred():
    text = (
        "Presiden bertemu Perdana Menteri pada Senin (9/9/2019), "
        '"pertemuan yang baik," kata juru bicara, Selasa (10/9/2019).'
    )
    doc = _doc(text)
    flags = {m.text: m.flags for m in find_dates(doc)}
    assert "reporting" in flags["Selasa (10/9/2019)"]
    assert "reporting" not in flags["Senin (9/9/2019)"]
    pos = text.index("bertemu")
    assert date_for_span(doc, pos, pos + 7).date_start == date(2019, 9, 9)
    en = _doc("Trump said Tuesday that he met Putin.", language="en")
    assert "reporting" in find_dates(en)[0].flags


# --------------------------------------------------------------------------- robustness

_PIECES = [
    "Senin",
    "Minggu",
    "minggu",
    "Jumat",
    "(31/2/2019)",
    "(10/9)",
    "(29/2)",
    "31",
    "13-14",
    "Februari",
    "September",
    "2019",
    "tahun",
    "lalu",
    "depan",
    "pekan",
    "hari",
    "ini",
    "pada",
    "sejak",
    "hingga",
    "dari",
    "sampai dengan",
    "kemarin",
    "keesokan harinya",
    "dua",
    "beberapa",
    "terakhir",
    "ke depan",
    "akhir",
    "awal",
    "-",
    ",",
    ".",
    "(",
    ")",
    "/",
    "akan",
    "telah",
    "\n",
    "last",
    "next",
    "Tuesday",
    "May",
    "March 20",
    "ago",
    "the past",
    "weeks",
    "Sept.",
    "1999",
    "0/0/0000",
    "99/99/2019",
]


@settings(max_examples=200, deadline=None)
@given(
    pieces=st.lists(st.sampled_from(_PIECES), max_size=25),
    published=st.one_of(
        st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))
    ),
    language=st.sampled_from(["id", "en"]),
)
def test_any_text_gives_well_formed_mentions(pieces, published, language):
    text = " ".join(pieces)
    doc = Document("h", text, language, published)
    previous_end = 0
    for m in find_dates(doc):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.start >= previous_end  # in text order, not overlapping
        previous_end = m.end
        assert m.date_start <= m.date_end
        assert m.precision in ("day", "month", "year")
    date_for_span(doc, 0, len(text))


def test_weekday_abbreviations_only_next_to_a_date():
    assert find_dates(_doc("The Sun reported it. Mon Dieu.", language="en")) == []
    m = resolve_date("Fri, March 4", date(2016, 3, 9), "en")
    assert m.date_start == date(2016, 3, 4) and "weekday_mismatch" not in m.flags


def test_today_counts_from_the_statement_date():
    text = '"Rekonstruksi digelar hari ini," kata Argo, Senin (9/9/2019).'
    found = {m.text: m for m in find_dates(_doc(text, published=date(2019, 9, 10)))}
    assert found["hari ini"].date_start == date(2019, 9, 9)
    assert "from_statement_date" in found["hari ini"].flags
    same_day = {m.text: m for m in find_dates(_doc(text, published=date(2019, 9, 9)))}
    assert same_day["hari ini"].flags == ()


def test_statement_date_itself_is_not_shifted():
    m = find_dates(
        _doc('"Jarak pandang masih bisa," katanya kemarin.', published=date(2019, 9, 19))
    )
    assert (m[0].text, m[0].date_start) == ("kemarin", date(2019, 9, 18))
