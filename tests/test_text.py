"""Paragraphs, sentences and tokens (text.py)."""

from __future__ import annotations

from newsanalysis.lang import get_pack
from newsanalysis.text import paragraphs, sentences


def split(text: str, language: str = "id") -> list[str]:
    return [text[s:e] for s, e in sentences(text, get_pack(language))]


def test_sentence_ends_before_a_capital_or_an_opening_quote():
    assert split("Ia datang. Kami pulang. “Saya siap,” katanya.") == [
        "Ia datang.",
        "Kami pulang.",
        "“Saya siap,” katanya.",
    ]


def test_kompas_opening_mark_starts_a_sentence():
    # Kompas prints ” at both ends of a quote: the mark after a sentence end opens one
    text = "Semua sudah siap. ”Kami berangkat besok,” ujarnya."
    assert split(text) == ["Semua sudah siap.", "”Kami berangkat besok,” ujarnya."]


def test_guillemet_opening_a_sentence():
    assert split("Er kam. »Wir gehen«, sagte er.", "en") == ["Er kam.", "»Wir gehen«, sagte er."]


def test_closing_mark_stays_with_its_sentence():
    text = "“Kami siap.” Lalu ia pergi."
    assert split(text) == ["“Kami siap.”", "Lalu ia pergi."]
    # a closing ” followed by a lower-case word does not end the sentence
    assert split("Ia menyebutnya ”tahap baru.” kata dia.") == [
        "Ia menyebutnya ”tahap baru.” kata dia."
    ]


def test_abbreviations_and_initials_do_not_end_sentences():
    assert split("Dr. Smith met J. Doe in Jakarta. They talked.", "en") == [
        "Dr. Smith met J. Doe in Jakarta.",
        "They talked.",
    ]


def test_sentences_never_cross_paragraphs():
    text = "Satu dua\nTiga empat."
    assert paragraphs(text) == [(0, 8), (9, 20)]
    assert split(text) == ["Satu dua", "Tiga empat."]


def test_word_before_reads_back_what_the_pattern_finds():
    import random

    from newsanalysis.text import _WORD_BEFORE, _word_before

    def by_pattern(text, start, end):
        m = _WORD_BEFORE.search(text, start, end)
        return m.group(1) if m else ""

    assert _word_before("Dipimpin Jl. Sudirman", 0, 11) == "Jl"
    assert _word_before("kata Dr. Budi", 5, 7) == "Dr"
    assert _word_before("Ali bin_Abu.x\n", 0, 14) == "bin_Abu.x"
    rng = random.Random(0)
    alphabet = "ab Z9_.\n,é-"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert _word_before(text, start, end) == by_pattern(text, start, end), (text, start, end)
