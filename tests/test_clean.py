"""clean.py: mojibake, scraper joins, link gaps, boilerplate, and the offset map.

The short snippets below are taken from CLICK-ID articles (Kompas, Okezone, Sindonews,
Tribunnews; CC BY 4.0), each showing one scraper artefact.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import shared_path
from hypothesis import given, settings
from hypothesis import strategies as st

from newsanalysis.clean import clean_text, to_raw


def clean(raw: str) -> str:
    return clean_text(raw).text


# --------------------------------------------------------------------------- repairs


def test_seed_boilerplate_is_cut(seed_path):
    cleaned = clean_text(seed_path.read_text(encoding="utf-8"))
    assert cleaned.text.endswith("terakhir pada September saat pertemuan puncak di Asia Tengah.")
    for line in ("Anna Chernova", "Penyelenggara amatir", "More Stories", "hiu memenggal"):
        assert line not in cleaned.text
    assert cleaned.text.startswith("Hongkong (CNN) Pemimpin China Xi Jinping")
    assert "‘Teman tersayang’" in cleaned.text  # a subheading is body, not boilerplate
    reasons = {why for _, _, why in cleaned.removed}
    assert "credit" in reasons


def test_mojibake_and_joined_paragraphs_are_repaired():
    raw = (
        " - Polisi menangkap dua orang.,Penangkapan itu hasil pengembangan.,"
        "‚ÄúKami terus bekerja,‚Äù kata Zulmi¬†di Anambas."
    )
    assert clean(raw) == (
        "Polisi menangkap dua orang.\nPenangkapan itu hasil pengembangan.\n"
        "“Kami terus bekerja,” kata Zulmi di Anambas."
    )


def test_decomposed_mojibake_is_repaired():
    # PolNeAR: "Ã" stored as "A" + combining tilde, so the non-ASCII run alone is "̃±"
    raw = "Trump met with Mexican President Enrique PeA\u0303\u00b1a Nieto on Wednesday."
    cleaned = clean_text(raw)
    assert cleaned.text == "Trump met with Mexican President Enrique Peña Nieto on Wednesday."
    start = cleaned.text.index("Peña")
    raw_start, raw_end = cleaned.to_raw(start, start + len("Peña Nieto"))
    assert raw[raw_start:raw_end] == "PeA\u0303\u00b1a Nieto"


def test_comma_runs_and_spaced_joins_are_paragraph_breaks():
    raw = (
        'Kasus ini terjadi setiap tahun.,,"Kebanyakan tertipu," kata dia.,Dengan demikian '
        "visa diketahui di bandara.,,,,Dengan demikian, jamaah dihadapkan pilihan sulit. "
        ",Informasi yang dihimpun menyebut 94 santri.,1. Belgia,2. Prancis"
    )
    assert clean(raw).split("\n") == [
        "Kasus ini terjadi setiap tahun.",
        '"Kebanyakan tertipu," kata dia.',
        "Dengan demikian visa diketahui di bandara.",
        "Dengan demikian, jamaah dihadapkan pilihan sulit.",
        "Informasi yang dihimpun menyebut 94 santri.",
        "1. Belgia,2. Prancis",
    ]


def test_lost_link_texts_leave_no_stray_commas():
    raw = (
        "Pelatih ,, Julio Banuelos, memberikan komentar.,Hal itu disampaikan di Bantul,  ,, "
        "Minggu (15/9/2019).,Penyidik Komisi Pemberantasan Korupsi ( ,) menetapkan tersangka "
        "di pabrik  ,  ,,  ,.,Kata Usman kepada,, Rabu (18/9/2019).,Wakil ketua  ,  , tidak "
        'mau berkomentar di sektor  ,," ujar Hermanto.'
    )
    assert clean(raw).split("\n") == [
        "Pelatih, Julio Banuelos, memberikan komentar.",
        "Hal itu disampaikan di Bantul, Minggu (15/9/2019).",
        "Penyidik Komisi Pemberantasan Korupsi menetapkan tersangka di pabrik.",
        "Kata Usman kepada, Rabu (18/9/2019).",
        'Wakil ketua, tidak mau berkomentar di sektor," ujar Hermanto.',
    ]


def test_commas_that_belong_to_the_prose_are_kept():
    raw = (
        'Ia datang.,"Belum (diputuskan), baru sejam lalu (Imam mengundurkan diri)," kata '
        'Jokowi.,"Apakah pengawasan lebih mudah?," tanya Faisal.,Ketua tim, Budi Santoso, '
        "SH.,M.H. mengatakan nilai rupiah 1,5 persen."
    )
    assert clean(raw).split("\n") == [
        "Ia datang.",
        '"Belum (diputuskan), baru sejam lalu (Imam mengundurkan diri)," kata Jokowi.',
        '"Apakah pengawasan lebih mudah?," tanya Faisal.',
        "Ketua tim, Budi Santoso, SH., M.H. mengatakan nilai rupiah 1,5 persen.",
    ]


def test_plain_text_is_left_alone():
    raw = "Presiden Joko Widodo, Senin (9/9/2019), bertemu Mahathir.\nKeduanya membahas asap."
    cleaned = clean_text(raw)
    assert cleaned.text == raw
    assert cleaned.offsets == [0, 0, len(raw)]


# --------------------------------------------------------------------------- boilerplate


def test_okezone_see_also_labels_without_their_links_are_dropped():
    raw = (
        "Perdana Menteri bertemu Presiden.,Baca Juga:,,,Melansir Deccan Chronicle, keduanya "
        'berpisah.,Baca Juga :,,Baca Juga :,,"Setelah UU disahkan," tuturnya.,Baca juga,,'
        "Lebih lanjut, Rossi mengaku tersanjung."
    )
    assert clean(raw).split("\n") == [
        "Perdana Menteri bertemu Presiden.",
        "Melansir Deccan Chronicle, keduanya berpisah.",
        '"Setelah UU disahkan," tuturnya.',
        "Lebih lanjut, Rossi mengaku tersanjung.",
    ]


def test_sindonews_inline_see_also_is_removed():
    raw = (
        "Tito memastikan program tepat sasaran. (Baca juga: Masyarakat Papua Harus Bisa "
        'Maksimalkan Otsus),"Salah satu prioritas saya adalah sinkronisasi," katanya.,Ia '
        "menambahkan hal itu."
    )
    assert clean(raw) == (
        "Tito memastikan program tepat sasaran.\n"
        '"Salah satu prioritas saya adalah sinkronisasi," katanya.\nIa menambahkan hal itu.'
    )


def test_kompas_digest_separators_are_dropped_not_cut():
    raw = (
        "Armand tak menyangka putrinya tampil di TV.,Baca berita selengkapnya di ,.,Ibunda "
        "Dhani membantah kabar itu.,Baca selengkapnya di ,. "
    )
    assert (
        clean(raw)
        == "Armand tak menyangka putrinya tampil di TV.\nIbunda Dhani membantah kabar itu."
    )


def test_tribunnews_repost_credit_and_reporter_tags():
    raw = (
        "Pelaku ditangkap.,Polisi masih menyelidiki kasus ini.,Korban dibawa ke rumah sakit."
        ',"Kami minta warga waspada," pungkasnya. (Luhur Pambudi),Artikel ini telah tayang '
        "di surya.co.id dengan judul Polda Jatim Minta Verifikasi, https://surabaya.example/x"
    )
    assert clean(raw).endswith('"Kami minta warga waspada," pungkasnya.')
    assert clean("Laga disiarkan Indosiar.,Wasit dari Jepang.,Laga dimulai 19.30 WIB. (gil)") == (
        "Laga disiarkan Indosiar.\nWasit dari Jepang.\nLaga dimulai 19.30 WIB."
    )
    assert clean("Kerja sama diteken.,Ini langkah maju. (hp/ts) ").endswith("langkah maju.")
    assert clean("Kerja sama ini meningkatkan mutu,” katanya. (adv)").endswith("katanya.")


def test_contributor_credit_line_in_the_last_third_cuts_the_rest():
    body = "\n".join(f"Paragraf berita nomor {n} tentang pertemuan." for n in range(6))
    raw = body + "\nEditor: Sandro Gatra\nBaca berita lain di aplikasi kami"
    assert clean(raw) == body


def test_body_text_that_looks_like_furniture_is_kept():
    kept = [
        "Menteri bertemu Komisi Pemberantasan Korupsi (KPK).",
        "Anda bisa lihat juga di sana kondisi bodi mobil penyok.",
        "Saham PT Map Aktif Adiperkasa Tbk. (MAPA).",
        "Editor film itu, Budi, mengatakan hasilnya memuaskan.",
        "Ia mengutip pepatah Jawa (itu)",
    ]
    for text in kept:
        assert clean(text + "\nParagraf kedua berita.") == text + "\nParagraf kedua berita."


def test_url_only_paragraphs_are_dropped():
    raw = (
        "Penonton Youtube mencapai 608 ribu.\n"
        "https://img-z.okeinfo.net/okz/500/library/images/2019/09/13/foto.jpeg\n"
        "Video kedua hadir kemudian."
    )
    assert clean(raw) == "Penonton Youtube mencapai 608 ribu.\nVideo kedua hadir kemudian."


def test_boilerplate_can_be_kept():
    raw = "Berita utama.\nBaca juga: Berita lain\nParagraf kedua."
    assert clean_text(raw, boilerplate=False).text == raw


# --------------------------------------------------------------------------- offsets


def test_offsets_point_back_into_the_original():
    raw = "‚ÄúKami sepakat,‚Äù kata Jokowi.,Pelatih ,, Julio Banuelos datang.,Baca juga:,,Akhir."
    cleaned = clean_text(raw)
    start = cleaned.text.index("Julio")
    raw_start, raw_end = cleaned.to_raw(start, start + len("Julio Banuelos"))
    assert raw[raw_start:raw_end] == "Julio Banuelos"
    quote_start, quote_end = cleaned.to_raw(0, cleaned.text.index(" kata"))
    assert raw[quote_start:quote_end] == "‚ÄúKami sepakat,‚Äù"
    assert any(raw[a:b] == "Baca juga:" for a, b, _ in cleaned.removed)


_PIECES = [
    "Presiden",
    " bertemu",
    " Menteri",
    ".",
    ",",
    ",,",
    " ,",
    "  ",
    '"',
    "”",
    "(",
    ")",
    "\n",
    "\n\n",
    "\u00a0",
    "\u200b",
    "‚Äú",
    "¬†",
    "Baca juga:",
    " (adv)",
    "More Stories",
    "1,5",
    "SH.",
    "https://x.example/a",
    "\r\n",
    "é",
    "Ã©",
    "PeA\u0303\u00b1a",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_offsets_map_back_to_the_same_characters(raw):
    cleaned = clean_text(raw)
    runs = cleaned.offsets
    for clean_start, raw_start, length in zip(runs[0::3], runs[1::3], runs[2::3], strict=True):
        assert (
            cleaned.text[clean_start : clean_start + length] == raw[raw_start : raw_start + length]
        )
    previous = 0
    for start in range(len(cleaned.text)):
        raw_start, raw_end = to_raw(runs, start, start + 1, len(raw))
        assert 0 <= raw_start <= raw_end <= len(raw)
        assert raw_start >= previous  # the map keeps the order of the text
        previous = raw_start
    for start, end, _ in cleaned.removed:
        assert 0 <= start < end <= len(raw)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_cleaned_text_is_normalised(raw):
    text = clean(raw)
    assert text == text.strip(" \n\t,")
    assert "\n\n" not in text and "  " not in text and "\u00a0" not in text
    assert "\r" not in text and "\u200b" not in text


@given(st.text(max_size=200))
def test_any_text_cleans_without_error(raw):
    cleaned = clean_text(raw)
    assert len(cleaned.offsets) % 3 == 0


# --------------------------------------------------------------------------- real corpus


@pytest.mark.slow
def test_click_id_articles_clean_without_losing_body():
    path = shared_path("corpus", "click-id", "okezone.xlsx")
    frame = pd.read_excel(path, sheet_name=0, engine="calamine")
    texts = frame["content"].dropna().head(1500).tolist()
    emptied, furniture, stray = 0, 0, 0
    for raw in texts:
        cleaned = clean_text(raw)
        if not cleaned.text and any(ch.isalpha() for ch in raw):
            emptied += 1
        furniture += "Baca Juga" in cleaned.text or "Baca juga:" in cleaned.text
        stray += ",," in cleaned.text or ".," in cleaned.text
        cut = sum(end - start for start, end, why in cleaned.removed if why != "whitespace")
        assert cut < 0.5 * len(raw), cleaned.removed
    assert emptied == 0
    assert furniture <= 3  # titles of "Baca juga" links that the scraper kept inline
    assert stray <= 0.01 * len(texts)


def test_english_prose_commas_after_abbreviations_are_kept():
    raw = (
        "Bill Clinton spoke in Flint, Mich., for his wife. Senate leader Mitch McConnell, "
        'R-Ky., said Tuesday that Trump, speaking in Kenansville, N.C., "but a lot of people '
        'are going," was right.\n(Reporting by Jason Lange; Editing by Will Dunham.)'
    )
    assert clean(raw) == raw.split("\n")[0]


def test_kompas_comma_space_joins_before_a_capital():
    raw = (
        "Hiu paus dilaporkan kepada BPSPL Denpasar., BPSPL kemudian memantau.,Pemantauan "
        'berlangsung dua hari., "Kami terus memantau," kata dia.'
    )
    assert clean(raw).split("\n") == [
        "Hiu paus dilaporkan kepada BPSPL Denpasar.",
        "BPSPL kemudian memantau.",
        "Pemantauan berlangsung dua hari.",
        '"Kami terus memantau," kata dia.',
    ]


def test_spliced_sources_is_the_per_span_splice():
    from newsanalysis.clean import spliced_sources

    def one_by_one(source, spans):
        pieces, last = [], 0
        for start, end, length in spans:
            pieces += [source[last:start], np.full(length, -1, dtype=np.int64)]
            last = end
        return np.concatenate([*pieces, source[last:]])

    source = np.array([0, 1, 2, -1, 4, 5, 6, 7, 8, 9], dtype=np.int64)
    cases = [
        [(0, 2, 0)],  # deleted at the start
        [(3, 5, 1), (7, 10, 0)],  # replaced, and deleted up to the end
        [(2, 2, 2), (4, 4, 1)],  # inserted (empty matches)
        [(1, 3, 3), (3, 4, 0), (9, 10, 2)],  # adjacent spans, a longer replacement
        [(0, 10, 1)],
    ]
    for spans in cases:
        assert spliced_sources(source, spans).tolist() == one_by_one(source, spans).tolist()
    rng = np.random.default_rng(0)
    for _ in range(200):
        cuts = np.sort(rng.choice(31, size=2 * rng.integers(1, 6), replace=True))
        spans = [(int(a), int(b), int(rng.integers(0, 3))) for a, b in cuts.reshape(-1, 2)]
        spans = [s for k, s in enumerate(spans) if k == 0 or s[0] >= spans[k - 1][1]]
        source = np.arange(30, dtype=np.int64)
        assert spliced_sources(source, spans).tolist() == one_by_one(source, spans).tolist()
