"""First-person pronouns inside quotations stand for the speaker (actors/quoted.py)."""

from __future__ import annotations

from datetime import date

import pytest

from newsanalysis.actors import find_mentions, load_kb, resolve_reference
from newsanalysis.actors.quoted import quotation_around
from newsanalysis.document import Document


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def _speaker(kb, text: str, word: str, language: str = "id", nth: int = 0) -> list[str]:
    doc = Document("t", text, language, date(2019, 9, 16))
    find_mentions(doc, kb)
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return [doc.actor_name(m.actor_id) for m in resolve_reference(doc, start, start + len(word))]


def test_speaker_named_after_the_cue(kb):
    text = (
        "“Kami telah bertemu dengan utusan Rusia,” kata juru bicara Taliban, "
        "Mohammad Suhail Shaheen, Senin (16/9)."
    )
    assert _speaker(kb, text, "Kami") == ["Mohammad Suhail Shaheen"]


def test_speaker_after_a_cue_with_a_clitic_skips_people_quoted(kb):
    text = (
        "Menteri Keuangan Sri Mulyani mengenang Habibie.\n"
        "“Saya bertemu dengan Habibie di Washington,” ujarnya."
    )
    assert _speaker(kb, text, "Saya") == ["Sri Mulyani Indrawati"]


def test_speaker_named_before_the_quote(kb):
    text = "Wakil Presiden Jusuf Kalla mengatakan, “Saya sudah bertemu Prabowo kemarin.”"
    assert _speaker(kb, text, "Saya") == ["Jusuf Kalla"]


def test_english_name_then_cue(kb):
    text = '"I met with Putin in Moscow," Donald Trump said on Monday.'
    assert _speaker(kb, text, "I", "en") == ["Donald Trump"]


def test_outside_quotes_first_person_is_unresolved(kb):
    assert _speaker(kb, "Saya bertemu Jokowi kemarin, kata Prabowo.", "Saya") == []


def test_quotation_spans_in_a_paragraph():
    text = "“Satu.” Lalu dia pergi. “Dua, tiga,” katanya.\nKata “empat”."
    doc = Document("t", text, "id")
    assert quotation_around(doc, text.index("Satu")) == (0, text.index("”"))
    assert quotation_around(doc, text.index("Lalu")) is None
    assert quotation_around(doc, text.index("tiga"))[0] == text.index("“Dua")
    # a quote that goes on past its paragraph has no closing mark
    doc = Document("t", "“Kami datang.\nLalu pergi.”", "id")
    assert quotation_around(doc, 3) == (0, None)
