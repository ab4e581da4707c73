"""Names beside meeting words are people (newsanalysis/actors/sides.py), on small real
snippets: the sides of "he met Epstein", "bertemu dengan Sutrisno", "the Trump-Kim
summit", and the words next to a meeting word that are no name."""

from __future__ import annotations

import pytest
from test_actors import _at, _doc, _who

from newsanalysis.actors import find_mentions, load_kb


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def test_a_lone_name_a_meeting_verb_introduces_is_a_person(kb):
    """A side of a meeting is a person or a body: a lone capitalised word right after a
    meeting verb, or right before one, is a person even without title or speech cue."""
    en = _doc(
        "Pastrana explained that he met Epstein in Ireland in 2002. "
        "Kislyak met Sessions twice. Obama held talks with Castro in Havana.",
        language="en",
    )
    find_mentions(en, kb)
    for name in ("Epstein", "Kislyak", "Sessions", "Castro"):
        assert _who(en, name) == name
        assert en.mention_at(*_at(en, name)).method == "cued"
    id_ = _doc("Kemudian ia bertemu dengan Sutrisno di rumahnya. Wali Kota itu menemui Anang.")
    find_mentions(id_, kb)
    assert _who(id_, "Sutrisno") == "Sutrisno"
    assert _who(id_, "Anang") == "Anang"


def test_a_meeting_verb_introduces_no_modifier_title_or_contraction(kb):
    en = _doc(
        "Clinton held a meeting with Orlando community leaders. "
        "He met Boston Mayor Marty Walsh. “I’ve met Mr. Trump on more than one occasion.",
        language="en",
    )
    find_mentions(en, kb)
    assert _who(en, "Orlando") is None  # a modifier of "community leaders"
    assert _who(en, "Boston") is None  # a title's jurisdiction
    assert _who(en, "I’ve") is None
    id_ = _doc("Kami bertemu Menkum HAM untuk mendapatkan draf. Ia bertemu Kompas.com kemarin.")
    find_mentions(id_, kb)
    assert _who(id_, "HAM") != "Menkum HAM"
    assert _who(id_, "Kompas") is None


def test_a_lone_name_after_a_meeting_verb_is_the_person_named_in_full(kb):
    """The short name goes on with the person the article names in full, before or after."""
    doc = _doc(
        "Kivlan Zen didakwa. Pada 9 Februari 2019, Kivlan menemui Helmi di Jakarta. "
        "Helmi Kurniawan alias Iwan adalah terdakwa lain."
    )
    find_mentions(doc, kb)
    assert _who(doc, "Kivlan menemui") == "Kivlan Zen"
    assert _who(doc, "Helmi di") == "Helmi Kurniawan"


def test_a_pair_of_names_beside_a_meeting_noun_are_people(kb):
    """ "the Trump-Kim summit", "pertemuan Trump-Kim": both names of the pair are sides;
    a capitalised word before a meeting noun without a pair is no name ("a Chamber of
    Commerce summit")."""
    en = _doc(
        "Since the Trump-Kim summit, less progress has been made. "
        "At a Chamber of Commerce summit in Hilton Head, Rubio spoke.",
        language="en",
    )
    find_mentions(en, kb)
    assert _who(en, "Kim summit") == "Kim"
    assert _who(en, "Commerce") != "Commerce"
    id_ = _doc("Pertemuan Trump-Abe di Osaka berlangsung singkat.")
    find_mentions(id_, kb)
    assert _who(id_, "Abe") in ("Abe", "Shinzo Abe")


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Yes, in the wake of Dorsey’s meeting with Trump, Twitter spoke.", "en", "Dorsey"),
        ("The summit between Trump and Kim could be linked to it.", "en", "Kim"),
        ("He said the Kerry and Lavrov meeting was not about Assad.", "en", "Kerry"),
        ("Kim is expected to meet President Donald Trump in May.", "en", "Kim"),
        ("Richardson, who met the rebels twice, agreed.", "en", "Richardson"),
        ("Gates, yang juga melakukan pembicaraan dengan Raja Yordania, tiba.", "id", "Gates"),
        ("Pers Suriah menyambut kunjungan Sauerbrey sebagai upaya damai.", "id", "Sauerbrey"),
    ],
)
def test_sides_a_meeting_phrase_names(kb, text, language, name):
    """The owner of a meeting noun, the second of two coordinated sides, a pair joined by
    "and", a subject behind auxiliaries (English), a name a relative clause with a meeting
    verb hangs on, and the visitor after the visit noun are people."""
    doc = _doc(text, language=language)
    find_mentions(doc, kb)
    assert _who(doc, name) == name


def test_no_side_from_outlets_auxiliaries_or_brands_in_indonesian(kb):
    doc = _doc("Kompas sempat menelepon Abdul Rais kemarin. Ia menerima kunjungan SINDOmedia.")
    find_mentions(doc, kb)
    assert _who(doc, "Kompas") is None  # no auxiliary bridge in Indonesian
    assert _who(doc, "SINDOmedia") is None  # a brand
