"""Finding gold sentences again after the cleaner changed: evaluate/locate.py."""

from __future__ import annotations

from newsanalysis.evaluate.locate import locate_sentence, match_key, title_key

TEXT = (
    "Jakarta - Presiden Joko Widodo menerima Ketua Umum Partai Gerindra Prabowo "
    "Subianto di Istana Merdeka, Jumat (11/10/2019).\n"
    "“Kami bertemu untuk membahas banyak hal,” kata Prabowo, Jumat."
)


def test_exact_sentence_keeps_its_offsets():
    sentence = "“Kami bertemu untuk membahas banyak hal,” kata Prabowo, Jumat."
    start, end, how = locate_sentence(TEXT, sentence)
    assert how == "exact" and TEXT[start:end] == sentence


def test_quote_styles_spaces_and_scraper_commas_do_not_matter():
    # the gold was cut by an older cleaner: straight quotes, a comma glued to the next
    # paragraph, double spaces
    sentence = '"Kami bertemu untuk membahas  banyak hal," kata Prabowo,Jumat.'
    start, end, how = locate_sentence(TEXT, sentence)
    assert how == "normalised"
    assert TEXT[start:end].startswith("Kami bertemu") and TEXT[start:end].endswith("Jumat")


def test_mojibake_in_the_gold_is_repaired_before_matching():
    sentence = "â€œKami bertemu untuk membahas banyak hal,â€\x9d kata Prabowo, Jumat."
    found = locate_sentence(TEXT, sentence)
    assert found is not None and TEXT[found[0] : found[1]].startswith("Kami")


def test_a_word_changed_by_the_cleaner_is_found_fuzzily():
    # two paragraphs the old cleaner joined with ".,", and one word repaired differently
    sentence = (
        "Presiden Joko Widodo menerima Ketua Umum Partai Gerindra Prabowo Subyanto "
        "di Istana Merdeka, Jumat (11/10/2019)."
    )
    start, end, how = locate_sentence(TEXT, sentence)
    assert how == "fuzzy"
    assert TEXT[start:end].startswith("Presiden Joko") and TEXT[start:end].endswith("2019")


def test_a_sentence_that_is_not_there_is_not_found():
    assert locate_sentence(TEXT, "Menteri Luar Negeri Retno Marsudi bertemu Wang Yi.") is None
    assert locate_sentence(TEXT, "...") is None


def test_key_maps_back_to_the_text():
    key, where = match_key("Peña, “Nieto”")
    assert key == "penanieto"
    assert [where[0], where[-1]] == [0, 11]


def test_title_key_ignores_spacing_and_case():
    assert title_key('  Manajer Klub Malam Ini "Sikat"  ') == title_key(
        "manajer klub malam ini sikat"
    )
    assert title_key(None) == ""
