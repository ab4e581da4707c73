"""Actor mentions and references (newsanalysis/actors/resolve.py) on small real snippets."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

import newsanalysis as na
from newsanalysis.actors import find_mentions, load_kb, resolve_reference
from newsanalysis.actors.kb import KnowledgeBase, _shipped
from newsanalysis.document import Actor, Document, Mention

# Sentences of the seed article (CNN, Indonesian translation, 17 March 2023).
SEED = (
    "Pemimpin China Xi Jinping menuju ke Moskow minggu depan untuk bertemu dengan Presiden "
    "Vladimir Putin, kunjungan pertamanya ke Rusia sejak Putin meluncurkan invasi ke Ukraina.\n"
    "Kunjungan itu dipandang sebagai pertunjukan kuat dukungan Beijing untuk Moskow.\n"
    "Kementerian Luar Negeri China mengatakan kunjungan itu akan berlangsung dari Senin hingga Rabu.\n"
    "“Proposal China bermuara pada satu kalimat,” kata juru bicara Kementerian Luar Negeri Wang Wenbin.\n"
    "Kremlin mengatakan kedua pemimpin akan membahas hubungan kemitraan.\n"
    "Negosiasi dijadwalkan pada hari Selasa, menurut juru bicara Kremlin Dmitry Peskov.\n"
    "Pada hari Kamis, menteri luar negeri China yang baru, Qin Gang, berbicara dengan mitranya "
    "dari Ukraina, Dmytro Kuleba, melalui telepon. Kuleba mengatakan bahwa keduanya membahas "
    "integritas teritorial.\n"
    "Xi dan Putin mendeklarasikan persahabatan mereka, ketika pemimpin Rusia itu mengunjungi Beijing.\n"
    "Bulan lalu, Putin menjamu diplomat top China Wang Yi di Moskow.\n"
    "Putin memberi tahu Wang bahwa hubungan antara negaranya dan China mencapai tahap baru.\n"
)
SEED_PEOPLE = {
    "per:wang-wenbin",
    "per:wang-yi",
    "per:qin-gang",
    "per:dmytro-kuleba",
    "per:dmitry-peskov",
}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.fixture(scope="module")
def kb_without_seed_people() -> KnowledgeBase:
    """The shipped KB minus the seed's lesser-known people: they must be discovered."""
    tables = _shipped().tables
    actors = tables["actors"][~tables["actors"]["actor_id"].isin(SEED_PEOPLE)]
    return KnowledgeBase(actors, tables["aliases"], tables["roles"])


def _doc(text: str, language: str = "id", published: date | None = date(2023, 3, 17)) -> Document:
    return Document("t", text, language, published)


def _at(doc: Document, surface: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(surface, start + 1)
    return start, start + len(surface)


def _who(doc: Document, surface: str, nth: int = 0) -> str | None:
    start, _ = _at(doc, surface, nth)
    mention = doc.mention_at(start, start + 1)
    return doc.actor_name(mention.actor_id) if mention else None


def test_known_and_discovered_people_of_the_seed(kb_without_seed_people):
    doc = _doc(SEED)
    find_mentions(doc, kb_without_seed_people)
    assert _who(doc, "Xi Jinping") == "Xi Jinping"
    assert _who(doc, "Wang Wenbin") == "Wang Wenbin"
    assert _who(doc, "Dmitry Peskov") == "Dmitry Peskov"
    assert _who(doc, "Qin Gang") == "Qin Gang"
    assert _who(doc, "Dmytro Kuleba") == "Dmytro Kuleba"
    assert _who(doc, "Wang Yi") == "Wang Yi"
    # countries come from the title's qualifier
    assert doc.actors["per:qin-gang"].country == "CHN"
    assert doc.actors["per:dmytro-kuleba"].country == "UKR"
    assert doc.actors["per:dmitry-peskov"].country == "RUS"
    assert doc.actors["per:wang-wenbin"].country == "CHN"
    assert doc.actors["per:wang-yi"].country == "CHN"
    # no title words or organisation words swallowed into the names
    assert {m.surface for m in doc.mentions if m.method == "discovered"} == {
        "Wang Wenbin",
        "Dmitry Peskov",
        "Qin Gang",
        "Dmytro Kuleba",
        "Wang Yi",
    }


def test_later_partial_names_resolve_to_the_latest_introduction(kb_without_seed_people):
    doc = _doc(SEED)
    find_mentions(doc, kb_without_seed_people)
    assert _who(doc, "Kuleba mengatakan") == "Dmytro Kuleba"
    assert _who(doc, "Xi dan Putin") == "Xi Jinping"
    # the later "Wang" is Wang Yi, introduced last, not Wang Wenbin
    assert _who(doc, "Wang bahwa") == "Wang Yi"
    assert (
        doc.mention_at(_at(doc, "Wang bahwa")[0], _at(doc, "Wang bahwa")[0] + 4).method == "partial"
    )


def test_role_phrases_resolve_through_dated_roles(kb):
    doc = _doc(SEED)
    find_mentions(doc, kb)
    assert _who(doc, "pemimpin Rusia itu") == "Vladimir Putin"
    mention = doc.mention_at(
        _at(doc, "pemimpin Rusia itu")[0], _at(doc, "pemimpin Rusia itu")[0] + 1
    )
    assert mention.surface == "pemimpin Rusia itu" and mention.method == "role"
    doc = _doc("Presiden Amerika Serikat, Donald, menelepon Xi.", published=date(2019, 5, 1))
    find_mentions(doc, kb)
    assert _who(doc, "Donald") == "Donald Trump"
    doc = _doc("Presiden Amerika Serikat mengatakan hal itu.", published=date(2022, 5, 1))
    find_mentions(doc, kb)
    assert _who(doc, "Presiden Amerika Serikat") == "Joe Biden"
    # without a publication date a role phrase stays unresolved
    doc = _doc("Presiden Amerika Serikat mengatakan hal itu.", published=None)
    find_mentions(doc, kb)
    assert _who(doc, "Presiden Amerika Serikat") is None


def test_metonyms_are_governments_but_places_stay_places(kb):
    doc = _doc(SEED)
    find_mentions(doc, kb)
    assert _who(doc, "Beijing untuk") == "China"
    assert (
        doc.mention_at(_at(doc, "Beijing untuk")[0], _at(doc, "Beijing untuk")[0] + 1).method
        == "metonym"
    )
    assert _who(doc, "Moskow.") == "Russia"
    assert _who(doc, "Moskow minggu") is None  # "menuju ke Moskow"
    assert _who(doc, "Beijing.\nBulan") is None  # "mengunjungi Beijing"


def test_organisations_known_generated_and_shortened(kb):
    doc = _doc(SEED)
    find_mentions(doc, kb)
    assert _who(doc, "Kremlin mengatakan") == "Kremlin"
    assert _who(doc, "Kementerian Luar Negeri China") == "Ministry of Foreign Affairs of China"
    # the shortened name refers back to the full one, not to Indonesia's ministry
    assert _who(doc, "Kementerian Luar Negeri Wang") == "Ministry of Foreign Affairs of China"


def test_organisations_discovered_from_their_head_words(kb):
    doc = _doc(
        "Ketua Serikat Petani Indonesia Henry Saragih menemui pengurus Partai Buruh di "
        "Jakarta. Kejaksaan Tinggi Sulawesi Selatan menahan tersangka.",
        published=date(2019, 9, 10),
    )
    find_mentions(doc, kb)
    organisations = {
        doc.actor_name(m.actor_id)
        for m in doc.mentions
        if doc.actors[m.actor_id].type == "organisation"
    }
    assert "Serikat Petani Indonesia" in organisations
    assert "Partai Buruh" in organisations
    assert _who(doc, "Henry Saragih") == "Henry Saragih"


def test_english_titles_and_appositions(kb_without_seed_people):
    text = (
        "Chinese Foreign Ministry spokesman Wang Wenbin said the visit would go ahead. "
        "Russian President Vladimir Putin met Foreign Minister Sergey Lavrov on Monday. "
        "Dmytro Kuleba, Ukraine's foreign minister, said he spoke to Wang Yi. "
        "Later the Russian president said Kyiv had refused."
    )
    doc = _doc(text, "en")
    find_mentions(doc, kb_without_seed_people)
    assert _who(doc, "Wang Wenbin") == "Wang Wenbin"
    assert doc.actors["per:wang-wenbin"].country == "CHN"
    assert _who(doc, "Chinese Foreign Ministry") == "Ministry of Foreign Affairs of China"
    assert _who(doc, "Sergey Lavrov") == "Sergey Lavrov"
    assert _who(doc, "Dmytro Kuleba") == "Dmytro Kuleba"
    assert doc.actors["per:dmytro-kuleba"].country == "UKR"
    assert _who(doc, "Russian president") == "Vladimir Putin"
    assert _who(doc, "Kyiv") == "Ukraine"


def test_pronouns_and_pairs(kb_without_seed_people):
    doc = _doc(SEED)
    find_mentions(doc, kb_without_seed_people)

    def names(surface: str, nth: int = 0) -> list[str | None]:
        return [doc.actor_name(m.actor_id) for m in resolve_reference(doc, *_at(doc, surface, nth))]

    assert sorted(names("kedua pemimpin")) == ["Vladimir Putin", "Xi Jinping"]
    assert sorted(names("keduanya")) == ["Dmytro Kuleba", "Qin Gang"]
    start, end = _at(doc, "negaranya")
    assert [doc.actor_name(m.actor_id) for m in resolve_reference(doc, end - 3, end)] == [
        "Vladimir Putin"
    ]
    # the whole word that carries the clitic works too
    assert [doc.actor_name(m.actor_id) for m in resolve_reference(doc, start, end)] == [
        "Vladimir Putin"
    ]
    english = _doc("Mr Lavrov met Ms Zakharova on Monday. She said he was tired.", "en")
    find_mentions(english, load_kb())
    she = resolve_reference(english, *_at(english, "She"))
    he_at = _at(english, "he was")[0]
    he = resolve_reference(english, he_at, he_at + 2)
    assert [english.actor_name(m.actor_id) for m in she] == ["Maria Zakharova"]
    assert [english.actor_name(m.actor_id) for m in he][:1] == ["Sergey Lavrov"]
    # nothing before: unsure, so nothing
    empty = _doc("Ia mengatakan hal itu.")
    find_mentions(empty, load_kb())
    assert resolve_reference(empty, 0, 2) == []


def test_the_spokesman_is_the_last_person_with_that_role(kb_without_seed_people):
    doc = _doc(
        "Juru bicara Kementerian Luar Negeri China Wang Wenbin menolak tuduhan itu. "
        "Menurut juru bicara itu, kunjungan akan berlangsung."
    )
    find_mentions(doc, kb_without_seed_people)
    refs = resolve_reference(doc, *_at(doc, "juru bicara itu"))
    assert [doc.actor_name(m.actor_id) for m in refs] == ["Wang Wenbin"]


def test_same_person_same_id_across_articles(kb):
    texts = [
        "Presiden Joko Widodo bertemu Perdana Menteri Malaysia Mahathir Mohamad di Bogor.",
        "Jokowi mengatakan pemerintah akan melanjutkan pembangunan.",
    ]
    ids = []
    for text in texts:
        doc = _doc(text, published=date(2019, 9, 10))
        find_mentions(doc, kb)
        ids.append({m.actor_id for m in doc.mentions if doc.actors[m.actor_id].type == "person"})
    assert "Q3318231" in ids[0] and "Q3318231" in ids[1]


def test_user_table_takes_precedence():
    user = pd.DataFrame(
        [
            {"name": "Wang Wenbin", "type": "person", "country": "CHN", "aliases": "Jubir Wang"},
            {
                "name": "Kremlin",
                "type": "organisation",
                "country": "RUS",
                "aliases": "Istana Kremlin",
            },
        ]
    )
    kb = load_kb(user)
    assert kb.actors["per:wang-wenbin"].country == "CHN"
    doc = _doc("Jubir Wang menolak. Istana Kremlin menjawab.")
    find_mentions(doc, kb)
    assert _who(doc, "Jubir Wang") == "Wang Wenbin"
    assert _who(doc, "Istana Kremlin") == "Kremlin"
    roles = pd.DataFrame(
        [
            {
                "actor_id": "per:wang-wenbin",
                "role": "spokesperson",
                "of": "org:kremlin",
                "valid_from": "2020",
            }
        ]
    )
    kb = load_kb({"actors": user, "roles": roles})
    assert kb.holder("spokesperson", "org:kremlin", date(2023, 3, 17)) == "per:wang-wenbin"


def test_load_kb_rejects_bad_tables(tmp_path):
    with pytest.raises(na.NewsAnalysisError, match="name and type"):
        load_kb(pd.DataFrame({"nama": ["X"]}))
    with pytest.raises(na.NewsAnalysisError, match="unknown actor type"):
        load_kb(pd.DataFrame({"name": ["X"], "type": ["alien"]}))
    with pytest.raises(na.NewsAnalysisError, match="does not exist"):
        load_kb(tmp_path / "missing.csv")


def test_pipeline_fills_mentions_and_actors_tables():
    corpus = na.load_table(
        pd.DataFrame(
            {
                "content": [SEED, "Presiden Joko Widodo bertemu Prabowo Subianto di Istana."],
                "date": ["2023-03-17", "2019-10-11"],
            }
        )
    )
    result = na.analyze(corpus, engine="serial")
    assert len(result.errors) == 0
    mentions, actors = result.mentions, result.actors
    assert {"Q7747", "Q15031", "Q3318231"} <= set(mentions["actor_id"])
    putin = actors.set_index("actor_id").loc["Q7747"]
    assert putin["name"] == "Vladimir Putin" and putin["country"] == "RUS"
    assert "Putin" in putin["aliases"]
    row = mentions[mentions["surface"] == "pemimpin Rusia itu"].iloc[0]
    assert row["actor_id"] == "Q7747" and row["method"] == "role"
    text = result.articles["text"].iloc[0]
    assert all(
        text[s:e] == surf
        for s, e, surf in mentions[mentions["article_id"] == result.articles["article_id"].iloc[0]][
            ["start", "end", "surface"]
        ].itertuples(index=False)
    )


def test_english_descriptions_and_pairs(kb):
    text = (
        "Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on Monday. "
        "The two leaders discussed Ukraine. Kremlin spokesman Dmitry Peskov said the talks "
        "were useful. The spokesman added that both sides agreed. "
        "The Russian leader thanked Xi."
    )
    doc = _doc(text, "en", date(2023, 3, 21))
    find_mentions(doc, kb)

    def names(surface: str) -> list[str | None]:
        return sorted(
            doc.actor_name(m.actor_id) for m in resolve_reference(doc, *_at(doc, surface))
        )

    assert names("The two leaders") == ["Vladimir Putin", "Xi Jinping"]
    assert names("The spokesman") == ["Dmitry Peskov"]
    assert names("both sides") == []
    assert names("The Russian leader") == ["Vladimir Putin"]
    assert _who(doc, "Moscow") is None  # "in Moscow": a place
    assert _who(doc, "Kremlin") == "Kremlin"


def test_analyze_uses_the_knowledge_base_it_is_given():
    corpus = na.load_table(
        pd.DataFrame({"content": ["Jubir Wang menolak tuduhan itu."], "date": ["2023-03-17"]})
    )
    kb = load_kb(pd.DataFrame([{"name": "Wang Wenbin", "type": "person", "aliases": "Jubir Wang"}]))
    result = na.analyze(corpus, engine="serial", kb=kb)
    assert "per:wang-wenbin" in set(result.mentions["actor_id"])
    assert "per:wang-wenbin" in set(result.actors["actor_id"])


def test_untitled_names_skip_places_and_subjects_are_opt_in(kb):
    text = (
        "Warga Kutai Kartanegara menyambut Haposan Hutagalung. Hanung juga menjamin pasokan aman."
    )
    doc = _doc(text, published=date(2014, 8, 25))
    find_mentions(doc, kb)
    assert _who(doc, "Haposan Hutagalung") == "Haposan Hutagalung"
    assert _who(doc, "Kutai Kartanegara") is None  # a place
    assert _who(doc, "Hanung") is None
    find_mentions(doc, kb, subject_names=True)
    assert _who(doc, "Hanung") == "Hanung"
    assert doc.mention_at(*_at(doc, "Hanung")).method == "subject"


def test_abbreviations_defined_in_the_article_and_office_titles(kb):
    text = (
        "Ketua Komite Olahraga Nasional Indonesia (KONI) Marciano Norman hadir. KONI menolak. "
        "Kabid Humas Polda Metro Jaya Kombes Argo Yuwono mengatakan itu. "
        "Menpora Imam Nahrawi datang. Harga naik, kata Net Interest Margin NIM."
    )
    doc = _doc(text, published=date(2019, 9, 10))
    find_mentions(doc, kb)
    koni = doc.mention_at(*_at(doc, "Komite Olahraga")).actor_id
    assert doc.actors[koni].name == "Komite Olahraga Nasional Indonesia"
    assert doc.actors[koni].country == "IDN"
    assert _who(doc, "KONI menolak") == "Komite Olahraga Nasional Indonesia"
    assert _who(doc, "Argo Yuwono") == "Argo Yuwono"
    assert _who(doc, "Humas") is None  # part of the title, not a name
    assert _who(doc, "Imam Nahrawi") == "Imam Nahrawi"
    assert _who(doc, "NIM") is None  # the abbreviation of the phrase before it


@pytest.mark.parametrize("language", ["id", "en", "other"])
def test_any_text_gives_consistent_mentions(kb, language):
    """Mentions stay inside the text, match their surface, do not overlap, and every
    actor they point to is in ``doc.actors`` (property test over arbitrary text)."""
    hypothesis = pytest.importorskip("hypothesis")
    from hypothesis import strategies as st

    alphabet = st.sampled_from(
        list("aeiouKPJWXZ ,.()“”'-\n")
        + ["Putin", "Wang Yi", "presiden Rusia", "ia", "İ", "Beijing"]
    )

    @hypothesis.settings(max_examples=60, deadline=None)
    @hypothesis.given(st.lists(alphabet, max_size=60).map("".join))
    def check(text):
        doc = _doc(text, language, date(2023, 3, 17))
        find_mentions(doc, kb)
        last_end = 0
        for m in doc.mentions:
            assert 0 <= m.start < m.end <= len(text)
            assert text[m.start : m.end] == m.surface
            assert m.start >= last_end
            last_end = m.end
            assert m.actor_id in doc.actors
        for start in range(0, len(text), 7):
            for ref in resolve_reference(doc, start, min(len(text), start + 3)):
                assert ref.actor_id in doc.actors

    check()


def test_pronoun_after_a_quote_is_its_speaker(kb):
    text = (
        "“Putin tidak akan datang,” kata juru bicara Kementerian Luar Negeri China Wang Wenbin. "
        "Ia menambahkan bahwa Xi siap."
    )
    doc = _doc(text)
    find_mentions(doc, kb)
    refs = resolve_reference(doc, *_at(doc, "Ia"))
    assert [doc.actor_name(m.actor_id) for m in refs] == ["Wang Wenbin"]


def test_organisation_names_end_with_their_place(kb):
    doc = _doc(
        "Majelis hakim Pengadilan Negeri Jakarta Selatan menolak gugatan itu. "
        "Juru bicara Kementerian Luar Negeri Wang Wenbin membantah.",
        published=date(2019, 9, 10),
    )
    find_mentions(doc, kb)
    court = doc.mention_at(*_at(doc, "Pengadilan"))
    assert court.surface == "Pengadilan Negeri Jakarta Selatan"
    ministry = doc.mention_at(*_at(doc, "Kementerian"))
    assert ministry.surface == "Kementerian Luar Negeri"  # the name after it is no place


def test_places_named_after_people_and_initials_in_names(kb):
    doc = _doc("Menhub Budi Karya Sumadi tiba di Bandara Soekarno Hatta dan bertemu Jokowi.")
    find_mentions(doc, kb)
    assert [doc.actor_name(m.actor_id) for m in doc.mentions] == [
        "Budi Karya Sumadi",
        "Joko Widodo",
    ]
    doc = _doc("Speaker Paul D. Ryan visited Israel.", "en", date(2016, 4, 12))
    find_mentions(doc, kb)
    assert doc.mentions[0].surface == "Paul D. Ryan"
    # an initial that looks like a roman numeral is still an initial
    doc = _doc("Sekda menerima kunjungan Konjen Filipina Manuel C. Ayap di Manado.")
    find_mentions(doc, kb)
    assert [m.surface for m in doc.mentions if doc.actors[m.actor_id].type == "person"] == [
        "Manuel C. Ayap"
    ]


def test_organisation_tails(kb):
    doc = _doc("Pihak Bentoel Grup menggelar pertemuan dengan Dinas Kebudayaan.")
    find_mentions(doc, kb)
    assert [m.surface for m in doc.mentions][:1] == ["Bentoel Grup"]


def test_organisation_after_a_word_that_introduces_one(kb):
    doc = _doc("Bambang Irianto bertemu dengan perwakilan Kernel Oil di Singapura.")
    find_mentions(doc, kb)
    kinds = {m.surface: doc.actors[m.actor_id].type for m in doc.mentions}
    assert kinds.get("Kernel Oil") == "organisation"
    # a person's side stays a person
    doc = _doc("Polisi bertemu perwakilan Ahmad Dhani kemarin.")
    find_mentions(doc, kb)
    assert all(doc.actors[m.actor_id].type == "person" for m in doc.mentions)


def test_a_common_word_capitalised_inside_a_sentence_is_part_of_the_name(kb):
    doc = _doc("He spoke to the National Rifle Association on Friday.", language="en")
    find_mentions(doc, kb)
    assert [m.surface for m in doc.mentions] == ["National Rifle Association"]


def test_the_place_after_a_title_is_its_jurisdiction_not_the_name(kb):
    doc = _doc("Gubernur Riau Syamsuar dan Wali Kota Surakarta FX Hadi Rudyatmo hadir.")
    find_mentions(doc, kb)
    assert [m.surface for m in doc.mentions] == ["Syamsuar", "FX Hadi Rudyatmo"]


def test_a_short_name_before_the_person_is_introduced(kb):
    doc = _doc(
        "Doli mengaku, ia sudah dua kali bertemu Bobby untuk membahas Pilkada.\n"
        '"Bobby menyampaikan niatnya," kata Doli.'
    )
    find_mentions(doc, kb)
    bobby = [m for m in doc.mentions if m.surface == "Bobby"]
    assert len(bobby) == 2 and bobby[0].actor_id == bobby[1].actor_id
    # a place is no part of a person's name that stands for them ("di Papua")
    doc = _doc(
        "Ketua Papua Center Universitas Kristen Indonesia (UKI), Antie Soleman mengatakan "
        "hal itu. Menurut dia, masalah di Papua harus diselesaikan dengan dialog."
    )
    find_mentions(doc, kb)
    assert not any(m.surface == "Papua" for m in doc.mentions)
    # the tail of a capitalised phrase is not linked ("Putra Mahkota" before "Mahkota X")
    doc = _doc("Ia bertemu Putra Mahkota kemarin. Mahkota Wijaya mengatakan hal itu.")
    find_mentions(doc, kb)
    assert not any(m.start < 30 and m.surface == "Mahkota" for m in doc.mentions)


def test_a_name_before_an_age_in_brackets_is_a_person(kb):
    doc = _doc("Pria tersebut bernama Supani (63) warga Desa Bendar, Pati.")
    find_mentions(doc, kb)
    assert [(m.surface, doc.actors[m.actor_id].type) for m in doc.mentions] == [
        ("Supani", "person")
    ]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "Kata Kepala Dinas Kebudayaan dan Pariwisata Kota Malang Ida Ayu Made Wahyuni.",
            "Ida Ayu Made Wahyuni",
        ),
        ("Massa ditemui oleh Ketua DPRD Kota Malang I Made Rian.", "I Made Rian"),
        (
            "Kepala Dinas Pendidikan Kota Bandung Hikmat Ginanjar mengatakan hal itu.",
            "Hikmat Ginanjar",
        ),
    ],
)
def test_the_name_after_a_body_and_its_place_is_the_title_holder(kb, text, person):
    doc = _doc(text)
    find_mentions(doc, kb)
    people = [m.surface for m in doc.mentions if doc.actors[m.actor_id].type == "person"]
    assert people == [person]


def test_a_given_name_and_middle_initial_before_a_known_surname_are_the_same_person(kb):
    doc = _doc("The Russian foreign minister, Sergey V. Lavrov, spoke.", language="en")
    find_mentions(doc, kb)
    assert [(m.surface, doc.actors[m.actor_id].name) for m in doc.mentions] == [
        ("Sergey V. Lavrov", "Sergey Lavrov")
    ]


def test_a_deputy_title_is_not_the_holder_of_the_role_inside_it(kb):
    doc = _doc("Wakil Ketua MPR menerima kunjungan delegasi pemuda.", published=date(2019, 9, 15))
    find_mentions(doc, kb)
    assert [(m.surface, doc.actors[m.actor_id].type) for m in doc.mentions] == [
        ("MPR", "organisation")  # not the chair, Zulkifli Hasan
    ]
    doc = _doc("Ketua MPR menerima kunjungan delegasi pemuda.", published=date(2019, 9, 15))
    find_mentions(doc, kb)
    assert [doc.actors[m.actor_id].name for m in doc.mentions] == ["Zulkifli Hasan"]


def test_initials_after_a_crime_page_word_are_a_person(kb):
    doc = _doc(
        "Tersangka lain yang berinisial SB mengunjungi AW di rumahnya. Polisi lalu "
        "menangkap SB. Pelaku UMKM dan korban PHK tidak terlibat."
    )
    find_mentions(doc, kb)
    found = [(m.surface, doc.actors[m.actor_id].type) for m in doc.mentions]
    assert found == [("SB", "person"), ("SB", "person")]  # later bare use: the same one
    assert len({m.actor_id for m in doc.mentions}) == 1


def test_two_initials_before_a_given_name_are_a_persons(kb):
    doc = _doc("Ia menemui Ketua DPC PDI Perjuangan Surakarta, FX Hadi Rudyatmo, kemarin.")
    find_mentions(doc, kb)
    assert "FX Hadi Rudyatmo" in [m.surface for m in doc.mentions]
    doc = _doc("Saham BI Rate Naik hari ini.")  # an acronym still makes no person
    find_mentions(doc, kb)
    assert not any(doc.actors[m.actor_id].type == "person" for m in doc.mentions)


def test_a_known_place_with_a_direction_is_no_person(kb):
    doc = _doc("Aktivis Free West Papua Movement datang. Ia ke Papua.")
    find_mentions(doc, kb)
    assert not [m for m in doc.mentions if doc.actors[m.actor_id].type == "person"]


def _names(doc: Document, surface: str, nth: int = 0) -> list[str | None]:
    return [doc.actor_name(m.actor_id) for m in resolve_reference(doc, *_at(doc, surface, nth))]


def test_pronoun_of_a_quote_is_nobody_named_inside_it(kb):
    text = (
        "Sosiolog Universitas Negeri Jakarta, Rakhmat Hidayat, mengingatkan hal itu.\n"
        "”Pada Juni, Gubernur Jakarta Anies Baswedan menjanjikan sistem darurat. "
        "Sekarang data menunjukkan arah itu,” ujarnya."
    )
    doc = _doc(text)
    find_mentions(doc, kb)
    assert _names(doc, "nya") == ["Rakhmat Hidayat"]


def test_place_typed_as_a_person_is_no_antecedent(kb):
    text = (
        "Kepala Dinas Perhubungan Rusdy Ambon meninjau pelabuhan.\n"
        "Feri akan berlayar ke Dobo di Kabupaten Kepulauan Aru. Ia berjanji menambah rute."
    )
    doc = _doc(text)
    find_mentions(doc, kb)
    # as the actor step sometimes guesses from capitalised words alone
    start, end = _at(doc, "Kepulauan Aru")
    doc.actors["per:kepulauan-aru"] = Actor("per:kepulauan-aru", "Kepulauan Aru", "person")
    doc.mentions.append(Mention(start, end, "Kepulauan Aru", "per:kepulauan-aru", "name"))
    doc.mentions.sort(key=lambda m: m.start)
    assert _names(doc, "Ia") == ["Rusdy Ambon"]


def test_subject_is_preferred_to_a_person_named_first():
    doc = _doc(
        "Selain Presiden Joko Widodo, Menteri Keuangan Sri Mulyani Indrawati mengatakan "
        "ekonomi membaik. Ia optimistis."
    )
    find_mentions(doc, load_kb())
    assert _names(doc, "Ia") == ["Sri Mulyani Indrawati"]


def test_he_and_she_follow_the_gender_of_given_names():
    doc = _doc("Vladimir Putin met Angela Merkel in Sochi. She said the talks were useful.", "en")
    find_mentions(doc, load_kb())
    assert _names(doc, "She") == ["Angela Merkel"]
    doc = _doc("Angela Merkel met Vladimir Putin in Sochi. He said it went well.", "en")
    find_mentions(doc, load_kb())
    assert _names(doc, "He") == ["Vladimir Putin"]
    from newsanalysis.actors.references import gender_of

    merkel = doc.mention_at(0, 1).actor_id
    assert gender_of(doc, merkel) == "f"
    assert doc.extra["actors"]["genders"][merkel] == "f"  # worked out once per article
    assert gender_of(doc, merkel) == "f"


def test_role_anaphora_for_a_person_the_knowledge_base_knows_without_the_role(kb):
    doc = _doc(
        "Juru bicara Kementerian Luar Negeri China Wang Wenbin menolak tuduhan itu. "
        "Presiden Xi Jinping tiba di Moskwa. Menurut juru bicara itu, kunjungan berlangsung."
    )
    find_mentions(doc, kb)
    assert _names(doc, "juru bicara itu") == ["Wang Wenbin"]


def test_a_short_form_of_a_name_part_refers_back(kb):
    """News gives the full name once, then a short form of one part ("Alex", "Rudy")."""
    text = (
        "Wakil Ketua KPK Alexander Marwata mengatakan penyidik telah memeriksa saksi. "
        "Menurut Alex, pemeriksaan berlangsung lima jam. "
        "Wali Kota Solo FX Hadi Rudyatmo meninjau pasar. Rudy mengatakan pedagang akan pindah."
    )
    doc = _doc(text, published=date(2014, 8, 25))
    find_mentions(doc, kb)
    assert _who(doc, "Alex,") == "Alexander Marwata"
    assert doc.mention_at(*_at(doc, "Alex,")).method == "partial"
    assert _who(doc, "Rudy mengatakan") == "FX Hadi Rudyatmo"


def test_a_short_form_shared_by_two_people_stays_apart(kb):
    text = (
        "Menteri Budiman Sujatmiko dan Menteri Budiarto Salim hadir. "
        "Menurut Budi, acara berlangsung baik."
    )
    doc = _doc(text, published=date(2014, 8, 25))
    find_mentions(doc, kb)
    assert _who(doc, "Budi,") not in {"Budiman Sujatmiko", "Budiarto Salim"}


def test_a_month_abbreviation_can_be_a_given_name(kb):
    """ "Agus" abbreviates Agustus in dates, but is also one of the commonest given names."""
    text = (
        "Kepala Dinas Pasar Agus Santoso meresmikan pasar. Agus mengatakan pasar buka setiap hari."
    )
    doc = _doc(text, published=date(2014, 8, 25))
    find_mentions(doc, kb)
    assert _who(doc, "Agus mengatakan") is not None
    assert "Agus Santoso" in _who(doc, "Agus mengatakan")


def test_balinese_names_open_with_i_which_is_no_roman_numeral(kb):
    doc = _doc(
        "Gubernur I Wayan Koster bertemu Menteri Perhubungan Budi Karya Sumadi. "
        "Bupati Klungkung I Nyoman Suwirta menemui Eko Putro Sandjojo. "
        "Ketua Komisi I DPR Meutya Hafid hadir."
    )
    find_mentions(doc, kb)
    assert _who(doc, "I Wayan Koster") == "I Wayan Koster"
    assert _who(doc, "I Nyoman Suwirta") == "I Nyoman Suwirta"
    assert _who(doc, "Meutya Hafid") == "Meutya Hafid"


def test_shortened_part_lookup_in_the_sorted_name_parts():
    from newsanalysis.actors.resolve import _shortens_a_part

    parts = sorted(["alex", "alexander", "marwata", "rudyatmo", "wang"])
    assert _shortens_a_part(parts, "alex")  # "alexander" is longer and begins with it
    assert _shortens_a_part(parts, "rudy")
    assert _shortens_a_part(parts, "marw")
    assert not _shortens_a_part(parts, "wang")  # only itself
    assert not _shortens_a_part(parts, "rud")  # too short to be taken
    assert not _shortens_a_part(parts, "budi")
    assert not _shortens_a_part([], "alex")


def test_speakers_are_mentions_right_after_a_cue_or_a_title_after_a_cue(kb_without_seed_people):
    doc = _doc(SEED)
    find_mentions(doc, kb_without_seed_people)
    # "kata juru bicara Kementerian ...", "menurut juru bicara Kremlin ..."
    assert doc.extra["actors"]["speakers"] == {
        _at(doc, "Kementerian Luar Negeri Wang")[0],
        _at(doc, "Kremlin Dmitry")[0],
    }
    doc = _doc("“Kami siap,” kata Putin. Putin tiba di Beijing, ujar Xi Jinping.")
    find_mentions(doc, kb_without_seed_people)
    assert doc.extra["actors"]["speakers"] == {_at(doc, "Putin")[0], _at(doc, "Xi Jinping")[0]}


def test_spans_contain_like_a_scan_over_all_spans():
    import random

    from newsanalysis.actors.discover import _Spans

    spans = _Spans()
    spans.add(10, 25)
    assert spans.contain(10, 25) and spans.contain(12, 20)
    assert not spans.contain(9, 20) and not spans.contain(12, 26)
    rng = random.Random(1)
    for _ in range(50):
        spans, added = _Spans(), []
        for _ in range(30):
            start = rng.randint(0, 100)
            end = start + rng.randint(1, 30)
            expected = any(s <= start and end <= e for s, e in added)
            assert spans.contain(start, end) == expected
            if rng.random() < 0.5:
                spans.add(start, end)
                added.append((start, end))


def test_scan_form_blanks_punctuation_like_the_translation_table():
    from newsanalysis.actors.lexicon import _PUNCTUATION, SCAN_TABLE, scan_form

    samples = [
        "“Kami siap,” kata PDI-P (Jakarta) — 9/9/2019… • end\tnext\r\nİstanbul",
        _PUNCTUATION + "abc ÀÉ «x» ‘y’",
        "",
    ]
    for text in samples:
        lowered = text.lower() if len(text.lower()) == len(text) else None
        if lowered is not None:
            assert scan_form(text) == lowered.translate(SCAN_TABLE)
        assert len(scan_form(text)) == len(text)
    assert scan_form("Kata PDI-P, “ya”") == "kata pdi p   ya "


def test_abbreviations_of_things_are_no_organisations(kb):
    doc = _doc("Upacara HUT ke-74 TNI digelar di Istana, kata Panglima TNI.")
    find_mentions(doc, kb)
    assert "HUT" not in [m.surface for m in doc.mentions]


def test_ditjen_and_kanwil_open_organisation_names(kb):
    doc = _doc("Pertemuan digelar antara Ditjen Hubdat dan Kanwil Kemenkumham Jawa Barat.")
    find_mentions(doc, kb)
    assert {m.surface: doc.actors[m.actor_id].type for m in doc.mentions}.get(
        "Ditjen Hubdat"
    ) == "organisation"


def test_a_name_does_not_reach_back_over_a_sentence_end(kb):
    doc = _doc(
        "Meetings were held at the golf club at Bedminster, N.J. Roger Ailes, the former "
        "chairman of Fox News, also met the candidate that day.",
        "en",
    )
    find_mentions(doc, kb)
    assert _who(doc, "Roger Ailes") == "Roger Ailes"
    assert not any("N.J" in m.surface for m in doc.mentions)


@pytest.mark.parametrize(
    "text, found",
    [
        # a lower-case verb: an ordinary sentence, its untitled names are taken
        ("Chris Collins met with Gina Raimondo on Thursday.", {"Chris Collins", "Gina Raimondo"}),
        ("Sarah Brady died last year.", {"Sarah Brady"}),
        # title case, only function words in lower case: a headline, no untitled names
        ("Elizabeth Warren Hammers Wells Fargo Over Fake Accounts.", set()),
        ("Minority Outreach Undone by Chris Collins.", set()),
    ],
)
def test_untitled_names_are_not_taken_from_title_case_headlines_only(kb, text, found):
    assert _untitled_names(kb, text) == found


def _untitled_names(kb, text: str) -> set[str]:
    """The names an English text yields without a title, cue or knowledge-base entry."""
    doc = _doc(text, "en")
    find_mentions(doc, kb)
    return {m.surface for m in doc.mentions if m.method == "name"}


def test_a_capitalised_particle_that_is_a_given_name_opens_a_name(kb):
    doc = _doc("Sanders met with the Rev. Al Sharpton in New York on Wednesday.", "en")
    find_mentions(doc, kb)
    assert _who(doc, "Al Sharpton") == "Al Sharpton"
    # the particle of a surname still opens no name of its own
    doc = _doc("Officials in Damascus said al Qaeda had left the city.", "en")
    find_mentions(doc, kb)
    assert not any(m.surface.startswith("al ") for m in doc.mentions)


@pytest.mark.parametrize(
    "first",
    [
        "Putra sulung Presiden Joko Widodo, Gibran Rakabuming Raka, mendaftar ke partai.",
        "Putra sulung Presiden Joko Widodo (Jokowi), Gibran Rakabuming Raka, mendaftar ke partai.",
    ],
)
def test_a_pronoun_does_not_stand_for_the_possessor_of_a_kin_noun(kb, first):
    # the father is named first, but the sentence is about the son
    doc = _doc(
        first + " Ia menemui Ketua DPC PDI Perjuangan Surakarta.", published=date(2019, 9, 20)
    )
    find_mentions(doc, kb)
    found = resolve_reference(doc, *_at(doc, "Ia"))
    assert [doc.actor_name(m.actor_id) for m in found] == ["Gibran Rakabuming Raka"]


@pytest.mark.parametrize(
    "text, found",
    [
        # a first name that is also a common word opens a name before a surname
        ("Bill Bruch, a state delegate, said he called the chairman.", {"Bill Bruch"}),
        ("The senators met Mark Kirk and Rich Beeson on Monday.", {"Mark Kirk", "Rich Beeson"}),
        # a common word seldom written as a name does not ("Even", "Will")
        ("Even Latino voters were unconvinced by the plan.", set()),
        ("Will Senators agree on the bill this week?", set()),
    ],
)
def test_a_common_word_that_is_a_first_name_opens_a_name(kb, text, found):
    assert _untitled_names(kb, text) == found


def test_a_first_name_that_is_a_common_word_opens_a_name_before_a_speech_verb(kb):
    doc = _doc("Bill Bruch said he called the chairman earlier this month.", "en")
    find_mentions(doc, kb)
    assert _who(doc, "Bill Bruch") == "Bill Bruch"


@pytest.mark.parametrize(
    "text, name",
    [
        ("Helmi kemudian menemui saksi atas nama Asmaizulfi alias Vivi.", "Asmaizulfi"),
        ("Korban bertemu dengan seorang pengendara bernama Tavipuddin di jalan.", "Tavipuddin"),
    ],
)
def test_a_naming_word_introduces_a_one_word_name(kb, text, name):
    assert _type_found(kb, text, name) == "person"


def _type_found(kb, text: str, surface: str) -> str | None:
    """The type of the actor the first mention written ``surface`` stands for, if any."""
    doc = _doc(text)
    find_mentions(doc, kb)
    found = [m for m in doc.mentions if m.surface == surface]
    return doc.actors[found[0].actor_id].type if found else None


@pytest.mark.parametrize(
    "text, name",
    [
        ("Pesawat itu menempuh rute tetap, lapor kantor berita Interfax.", "Interfax"),
        ("Laporan stasiun televisi Arirang menyebut hal itu.", "Arirang"),
    ],
)
def test_a_classifier_noun_introduces_an_organisation(kb, text, name):
    assert _type_found(kb, text, name) == "organisation"


def test_a_pronoun_goes_on_with_the_pronoun_that_opened_the_sentence_before(kb):
    text = (
        "Ucapan belasungkawa disampaikan Menteri Senior Singapura Teo Chee Hean. Ia mengaku "
        "sangat sedih mendengar kabar meninggalnya BJ Habibie. Ia yang saat itu sedang dalam "
        "kunjungan kerja ke Jakarta menyampaikan belasungkawa."
    )
    doc = _doc(text, published=date(2019, 9, 12))
    find_mentions(doc, kb)
    second = text.index("Ia yang")
    found = resolve_reference(doc, second, second + 2)
    assert [doc.actor_name(m.actor_id) for m in found] == ["Teo Chee Hean"]


def test_the_refugee_agency_named_in_full_is_not_the_united_nations(kb):
    doc = _doc("Pemprov DKI bertemu United Nations High Commissioner for Refugees (UNHCR).")
    find_mentions(doc, kb)
    assert {m.actor_id for m in doc.mentions if "United" in m.surface} == {"org:unhcr"}


def test_a_generation_suffix_makes_another_person(kb):
    text = (
        "Trump knew about the meeting between Donald Trump Jr. and Jared Kushner. "
        "Trump Jr. later said it was nothing."
    )
    doc = _doc(text, language="en")
    find_mentions(doc, kb)
    sons = {m.actor_id for m in doc.mentions if "Jr" in m.surface}
    assert len(sons) == 1 and doc.actor_name(sons.pop()) == "Donald Trump Jr"
    assert [m.actor_id for m in doc.mentions if m.surface == "Trump"] == ["Q22686"]


def test_regnal_numbers_and_particles_inside_names(kb):
    doc = _doc(
        "Gates bertemu dengan Raja Jordania Abdullah II di Amman. Ia juga berbicara dengan "
        "panglima militer Jordan, Jenderal Khalid al-Sarayreh. Pompeo bertemu putra mahkota, "
        "Sheikh Mohammed bin Zayed al-Nahyan. Komitmen Angkasa Pura I jelas. Anies Baswedan "
        "di Balai Kota menerima tamu."
    )
    find_mentions(doc, kb)
    assert _who(doc, "Abdullah II") == "Abdullah II of Jordan"
    assert _who(doc, "Khalid") == "Khalid al-Sarayreh"
    assert _who(doc, "Sheikh Mohammed") == "Sheikh Mohammed bin Zayed al-Nahyan"
    assert _who(doc, "Angkasa Pura") is None  # "I" closes a company name
    assert _who(doc, "Anies") == "Anies Baswedan"  # "di" is no name particle here


def test_a_verb_prefix_alone_is_no_verb(kb):
    from newsanalysis.actors.lexicon import get_lexicon
    from newsanalysis.lang import get_pack

    lex = get_lexicon(kb, get_pack("id"))
    assert not lex.is_verb("di")
    assert lex.is_verb("dipilih")
