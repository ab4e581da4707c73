"""Quotes and speakers (extract/quotes.py and its helper modules)."""

from __future__ import annotations

import pytest
from conftest import shared_path

from newsanalysis.document import Actor, Document, Mention
from newsanalysis.extract.quote_marks import find_quote_spans
from newsanalysis.extract.quotes import extract_quotes
from newsanalysis.text import paragraphs


def quotes(text: str, language: str = "id", **doc_args) -> list[dict]:
    return extract_quotes(Document("t", text, language, **doc_args))


def only(rows: list[dict], kind: str) -> list[dict]:
    return [r for r in rows if r["kind"] == kind]


# --------------------------------------------------------------------------- marks


def spans(text: str) -> list[str]:
    return [s.text(text) for s in find_quote_spans(text, paragraphs(text))]


def test_marks_curly_straight_and_guillemets():
    assert spans('Ia berkata “satu” lalu "dua" dan «tiga».') == ["satu", "dua", "tiga"]


def test_marks_same_glyph_for_both_ends_is_paired_by_position():
    # Kompas prints ” at both ends of a quote
    text = "”Saya minta semuanya jalan,” kata Presiden."
    assert spans(text) == ["Saya minta semuanya jalan,"]


def test_marks_quote_over_several_paragraphs():
    text = "“Paragraf satu.\n“Paragraf dua.\n“Paragraf tiga,” katanya."
    [span] = find_quote_spans(text, paragraphs(text))
    assert span.text(text) == "Paragraf satu.\nParagraf dua.\nParagraf tiga,"
    assert len(span.pieces) == 3


def test_marks_unpaired_mark_does_not_spoil_the_rest():
    text = "Ia menyebut “tidak adil.\nKremlin mengatakan “damai” penting."
    assert spans(text) == ["tidak adil.", "damai"]


def test_marks_closing_mark_without_opening_starts_at_paragraph():
    assert spans("Kami siap bekerja,” kata Anto.") == ["Kami siap bekerja,"]


def test_marks_apostrophes_and_inner_quotes():
    text = "“He didn’t say ‘never’ at all,” said Smith about the leaders’ plan."
    assert spans(text) == ["He didn’t say ‘never’ at all,"]


# --------------------------------------------------------------------------- direct quotes


def test_direct_quote_with_inverted_cue_and_role_speaker():
    rows = quotes(
        "“Proposal China bermuara pada satu kalimat,” kata juru bicara Kementerian Luar "
        "Negeri Wang Wenbin."
    )
    [row] = rows
    assert row["kind"] == "direct"
    assert row["text"] == "Proposal China bermuara pada satu kalimat,"
    assert row["cue"] == "kata"
    assert row["speaker_surface"] == "juru bicara Kementerian Luar Negeri Wang Wenbin"
    assert row["speaker"] == "Wang Wenbin"
    assert row["speaker_id"] is None


def test_direct_quote_offsets_point_into_the_text():
    text = "Pembukaan.\n“Kami siap bekerja sama dengan semua pihak,” ujar Anto Prabowo."
    [row] = quotes(text)
    assert text[row["start"] : row["end"]] == row["text"]
    assert text[row["speaker_start"] : row["speaker_end"]] == "Anto Prabowo"
    assert text[row["cue_start"] : row["cue_end"]] == "ujar"


def test_organisation_as_speaker():
    [row] = quotes("“Direncanakan juga untuk bertukar pandangan,” tambah Kremlin.")
    assert (row["speaker"], row["cue"], row["kind"]) == ("Kremlin", "tambah", "direct")


def test_clitic_speaker_goes_to_the_person_introduced_before():
    text = (
        "Pengamat politik dari Universitas Lampung, Robi Cahyadi, menilai paslon itu "
        "membuat sejarah.\n“Kemungkinan ada strategi politik yang menyentuh publik,” katanya."
    )
    direct = only(quotes(text), "direct")
    assert direct[0]["speaker_surface"] == "nya"
    assert direct[0]["speaker"] == "Robi Cahyadi"
    assert direct[0]["cue"] == "katanya"


def test_colon_frame_before_the_quote():
    [row] = only(
        quotes("Menteri Sosial Juliari Batubara mengatakan: “Bantuan akan segera cair.”"), "direct"
    )
    assert row["speaker"] == "Juliari Batubara"
    assert row["text"] == "Bantuan akan segera cair."


def test_quote_continuing_the_previous_speaker():
    text = (
        "“Kami akan menindak tegas semua pelanggar aturan,” kata Kombes Yusri Yunus.\n"
        "“Tidak ada lagi pemanggilan bagi tersangka dalam kasus ini.”"
    )
    rows = only(quotes(text), "direct")
    assert [r["speaker"] for r in rows] == ["Yusri Yunus", "Yusri Yunus"]


def test_english_direct_quote_speaker_before_cue():
    text = "“My name may not be on the ballot, but our progress is,” Mr. Obama said on Saturday."
    [row] = quotes(text, "en")
    assert (row["kind"], row["cue"], row["speaker_surface"]) == ("direct", "said", "Mr. Obama")
    assert row["speaker"] == "Obama"


def test_english_direct_quote_inverted_and_pronoun():
    text = (
        "Donna Brazile spoke on Sunday.\n"
        '"That speech went beyond the room," said Donna Brazile, the interim chairwoman.\n'
        '"It went beyond the moment," she added.'
    )
    rows = only(quotes(text, "en"), "direct")
    assert [r["speaker"] for r in rows] == ["Donna Brazile", "Donna Brazile"]
    assert rows[1]["speaker_surface"] == "she"


# --------------------------------------------------------------------------- partial quotes


def test_partial_quotes_take_the_subject_of_the_nearest_cue():
    text = (
        "Putin memberi tahu Wang Yi bahwa hubungan kedua negara “mencapai tahap baru”, "
        "sementara Wang berjanji untuk “terus memperkuat kemitraan kami.”"
    )
    partial = only(quotes(text), "partial")
    assert [(r["text"], r["speaker"], r["cue"]) for r in partial] == [
        ("mencapai tahap baru", "Putin", "memberi tahu"),
        ("terus memperkuat kemitraan kami.", "Wang Yi", "berjanji"),
    ]


def test_partial_quote_with_naming_verb():
    [row] = quotes("Mereka dekat, dengan Xi menyebut Putin sebagai “sahabatnya” pada 2019.")
    assert (row["kind"], row["speaker"], row["cue"]) == ("partial", "Xi", "menyebut")


def test_partial_quote_attributed_by_the_closing_attribution():
    text = (
        "Kedua pemimpin akan memulai pertemuan, diikuti dengan “makan siang informal”, "
        "menurut juru bicara Kremlin Dmitry Peskov."
    )
    partial = only(quotes(text), "partial")
    assert partial[0]["speaker_surface"] == "juru bicara Kremlin Dmitry Peskov"


def test_cue_without_subject_inherits_the_earlier_speaker():
    text = (
        "Putin dan Xi bertemu, dengan presiden Rusia menggambarkan hubungan itu sebagai "
        "“yang terbaik dalam sejarah,” dengan mengatakan bahwa mereka dapat “menahan semua ujian.”"
    )
    partial = only(quotes(text), "partial")
    assert [(r["speaker_surface"], r["cue"]) for r in partial] == [
        ("presiden Rusia", "menggambarkan"),
        ("presiden Rusia", "mengatakan"),
    ]


# --------------------------------------------------------------------------- not quotes


def test_scare_quotes_titles_and_subheadings_are_not_quotes():
    text = (
        "Xi dan Putin mendeklarasikan persahabatan “tanpa batas” mereka.\n"
        "‘Teman tersayang’\n"
        "Acara itu bertema “Peran Perempuan dalam Pengembangan Pariwisata Indonesia” kata panitia."
    )
    assert [r for r in quotes(text) if r["kind"] != "indirect"] == []


# --------------------------------------------------------------------------- indirect speech


def test_indirect_speech_with_complementizer():
    rows = quotes(
        "Kuleba mengatakan di Twitter bahwa keduanya membahas “pentingnya integritas teritorial”."
    )
    indirect = only(rows, "indirect")
    assert indirect[0]["text"] == "keduanya membahas “pentingnya integritas teritorial”"
    assert (indirect[0]["speaker"], indirect[0]["cue"]) == ("Kuleba", "mengatakan")
    assert only(rows, "partial")[0]["speaker"] == "Kuleba"


def test_indirect_speech_menurut_and_final_attribution():
    rows = only(
        quotes(
            "Menurut Kusnawan, kapal cepat beroperasi dua kali seminggu.\n"
            "Harga tiket kapal itu naik sejak bulan lalu, kata Kusnawan."
        ),
        "indirect",
    )
    assert [(r["text"], r["cue"]) for r in rows] == [
        ("kapal cepat beroperasi dua kali seminggu", "Menurut"),
        ("Harga tiket kapal itu naik sejak bulan lalu", "kata"),
    ]


def test_english_indirect_speech():
    rows = only(
        quotes(
            "Secret Service protocol called for a trauma center, sources said.\n"
            "The president told reporters that he would consider it an insult.",
            "en",
        ),
        "indirect",
    )
    assert [(r["text"], r["speaker_surface"], r["cue"]) for r in rows] == [
        ("Secret Service protocol called for a trauma center", "sources", "said"),
        ("he would consider it an insult", "The president", "told"),
    ]


def test_attribution_set_off_by_commas_inside_the_sentence():
    rows = only(
        quotes(
            "Hal-hal tersebut, lanjut Teguh, akan disampaikan dalam rapat evaluasi.\n"
            "Pengajar Sekolah Tinggi Pertanahan, Sutaryono, mengungkapkan, alih fungsi lahan krusial."
        ),
        "indirect",
    )
    assert [(r["text"], r["speaker"], r["cue"]) for r in rows] == [
        ("Hal-hal tersebut akan disampaikan dalam rapat evaluasi", "Teguh", "lanjut"),
        ("alih fungsi lahan krusial", "Sutaryono", "mengungkapkan"),
    ]
    [row] = only(quotes("The plan, he said, is dead in the water.", "en"), "indirect")
    assert (row["text"], row["speaker_surface"]) == ("The plan is dead in the water", "he")


def test_subject_with_adverbial_between_it_and_the_cue():
    rows = only(
        quotes(
            "Kepala Dinas Kesehatan Febria Rachmanita di Surabaya, Rabu (16/9/2020), "
            "mengatakan, sampel diambil setiap hari."
        ),
        "indirect",
    )
    assert rows[0]["speaker"] == "Febria Rachmanita"


# --------------------------------------------------------------------------- actors


def test_speaker_is_mapped_to_the_actor_mention():
    text = "“Kami tidak akan mundur dari perundingan ini,” kata juru bicara Kremlin Dmitry Peskov."
    doc = Document("t", text, "id")
    start = text.index("Kremlin")
    peskov = text.index("Dmitry")
    doc.mentions = [
        Mention(start, start + 7, "Kremlin", "org:kremlin", "kb"),
        Mention(peskov, peskov + 13, "Dmitry Peskov", "Q27921", "kb"),
    ]
    doc.actors = {
        "org:kremlin": Actor("org:kremlin", "Kremlin", "organisation"),
        "Q27921": Actor("Q27921", "Dmitry Peskov", "person"),
    }
    [row] = extract_quotes(doc)
    assert (row["speaker"], row["speaker_id"]) == ("Dmitry Peskov", "Q27921")


def test_role_speaker_resolved_with_resolve_reference(monkeypatch):
    text = "Putin tiba di Beijing. “Hubungan kita kuat sekali sekarang,” kata presiden Rusia itu."
    doc = Document("t", text, "id")
    doc.actors = {"Q7747": Actor("Q7747", "Vladimir Putin", "person")}
    calls = []

    def fake_resolve(d, start, end):
        calls.append(text[start:end])
        return [Mention(0, 5, "Putin", "Q7747", "role")]

    monkeypatch.setattr("newsanalysis.extract.quote_speakers.resolve_reference", fake_resolve)
    [row] = only(extract_quotes(doc), "direct")
    assert calls == ["presiden Rusia itu"]
    assert (row["speaker"], row["speaker_id"], row["speaker_surface"]) == (
        "Vladimir Putin",
        "Q7747",
        "presiden Rusia itu",
    )


def test_language_without_quote_data_yields_nothing():
    assert quotes("“Bonjour à tous,” a dit le ministre.", "other") == []


# --------------------------------------------------------------------------- seed article


@pytest.mark.slow
def test_seed_article_scores():
    shared_path("eval", "seed_gold.json")
    from newsanalysis.evaluate.quotes_seed import run

    r = run()
    assert r["recall"] == 1.0 and r["precision"] == 1.0
    assert r["boilerplate_quotes"] == 0
    assert r["wang_case"]


# --------------------------------------------------------------------------- newspaper patterns


def test_newspaper_double_apostrophe_marks():
    text = (
        "''This isn't tax reform,'' said Douglas Holtz-Eakin, an economist. ''It's anti-reform.''"
    )
    [row] = quotes(text, "en")
    assert row["speaker"] == "Douglas Holtz-Eakin"
    # the second quotation continues the first one, interrupted by the attribution
    assert row["text"] == "This isn't tax reform, It's anti-reform."


def test_one_cue_one_quotation():
    text = '"You know, I love Larry," he said, but "when it comes to energy, he is wrong."'
    rows = [r for r in quotes(text, "en") if r["kind"] != "indirect"]
    assert len(rows) == 1
    assert rows[0]["text"] == "You know, I love Larry, when it comes to energy, he is wrong."


def test_enumerated_partial_quotes_with_one_cue_are_one_quote():
    text = 'Trump called the senator a "nasty guy," an "anchor baby" and "unstable."'
    [row] = [r for r in quotes(text, "en") if r["kind"] == "partial"]
    assert row["text"] == "nasty guy, anchor baby unstable."
    assert (row["speaker"], row["cue"]) == ("Trump", "called")


def test_apposition_between_quote_and_cue():
    text = "“It is an invasion of the state domain,” Scott Pruitt, the attorney general of Oklahoma, said."
    [row] = quotes(text, "en")
    assert row["speaker"] == "Scott Pruitt"
    assert row["speaker_surface"] == "Scott Pruitt, the attorney general of Oklahoma"


def test_attribution_after_a_full_stop_only_when_the_sentence_ends():
    text = "“We will win this election.” Sen. Claire McCaskill (D-Mo.) said on Tuesday."
    [row] = quotes(text, "en")
    assert row["speaker"] == "Claire McCaskill"
    text = (
        "“Kami siap bekerja sama dengan semua pihak.” Putin mengatakan hubungan kedua negara kuat."
    )
    direct = only(quotes(text), "direct")
    assert direct[0]["speaker"] is None


def test_signature_line_after_a_quote():
    text = (
        "“He makes simple blanket statements about people he knows nothing about.” ― Pamela Padilla"
    )
    [row] = quotes(text, "en")
    assert (row["speaker"], row["cue"]) == ("Pamela Padilla", None)


def test_quote_introduced_by_the_previous_sentence():
    text = (
        "Trump also attacked the press on Tuesday.\n"
        "“The media is the most dishonest group of people I have ever seen.”"
    )
    [row] = only(quotes(text, "en"), "direct")
    assert (row["speaker"], row["cue"]) == ("Trump", "attacked")


def test_clitic_continues_the_speaker_just_quoted():
    text = (
        "Ketua Umum ALFI Yukki Nugrahawan mengatakan, kegiatan logistik terkontraksi.\n"
        "Hal ini disebabkan aktivitas logistik berkaitan dengan ekonomi Kota Surabaya.\n"
        "“Kegiatan logistik tetap harus jalan dengan protokol kesehatan,” ujarnya."
    )
    [row] = only(quotes(text), "direct")
    assert row["speaker"] == "Yukki Nugrahawan"
    assert row["cue"] == "ujarnya"


def test_sentence_initial_common_noun_is_not_a_name():
    text = "Perusahaan itu telah mengonfirmasi akan membangun pabrik di kawasan industri."
    [row] = only(quotes(text), "indirect")
    assert row["speaker_surface"] == "Perusahaan itu"
    assert row["speaker"] == "Perusahaan itu"


def test_kompas_style_marks_with_spaces_and_parity():
    # ” opens and closes; the closing one may be followed directly by the cue
    text = "Menurut dia, pemerintah siap. ”Kami sudah siapkan semua bantuan,”ucapnya."
    [row] = only(quotes(text), "direct")
    assert row["text"] == "Kami sudah siapkan semua bantuan,"
    assert row["cue"] == "ucapnya"


def test_role_then_name_after_an_inverted_cue():
    text = "“Swab massal sudah jarang kami lakukan di wilayah ini,” kata Kepala Puskesmas Cilincing, Edison Sahputra."
    [row] = quotes(text)
    assert row["speaker"] == "Edison Sahputra"
    assert row["speaker_surface"] == "Kepala Puskesmas Cilincing, Edison Sahputra"
    # a date, or a place and a date, after the comma are not part of the speaker
    [row] = quotes("“Kami akan segera memeriksa laporan itu,” kata Anto, Senin (13/4).")
    assert row["speaker_surface"] == "Anto"
    [row] = quotes("“Emas selalu ada dari tahun ke tahun,” ujar Prita, Jakarta, Senin (13/4).")
    assert row["speaker_surface"] == "Prita"


def test_nickname_inside_a_name_is_not_a_quote():
    text = 'State Del. Marcia "Cia" Price said the nation is watching Virginia this year.'
    assert [r for r in quotes(text, "en") if r["kind"] != "indirect"] == []


def test_coordinated_cue_takes_the_sentence_subject():
    text = (
        "The Republican nominee also outlined his cybersecurity plan and vowed to harshly "
        "punish “those who violate classification rules.”"
    )
    [row] = only(quotes(text, "en"), "partial")
    assert (row["speaker_surface"], row["cue"]) == ("The Republican nominee", "vowed")


def test_relative_pronoun_and_dateline_before_the_subject():
    text = (
        "The ceremony featured celebrities like Patti LaBelle and Stevie Wonder, who joked "
        "of the museum, ''I haven't seen it yet, but I'm going to.''"
    )
    [row] = [r for r in quotes(text, "en") if r["kind"] != "indirect"]
    assert (row["speaker"], row["cue"]) == ("Stevie Wonder", "joked")
    text = (
        "WASHINGTON -- President Obama, dedicating the museum on Saturday, said it would tell "
        "a story of ''suffering and delight, of fear, but also of hope.''"
    )
    [row] = only(quotes(text, "en"), "partial")
    assert row["speaker"] == "Obama"


# --------------------------------------------------------------------------- robustness

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from(
    [
        "“",
        "”",
        '"',
        "‘",
        "’",
        "''",
        "«",
        "»",
        " ",
        "\n",
        ", ",
        ". ",
        "kata",
        "katanya",
        "Anto",
        "mengatakan",
        "bahwa",
        "Menurut",
        "said",
        "he",
        "Smith",
        "the spokesman",
        "Kremlin",
        "harga naik",
        "(",
        ")",
        ":",
        "—",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=60), st.sampled_from(["id", "en"]))
def test_any_text_gives_well_formed_rows(pieces, language):
    text = "".join(pieces)
    for row in quotes(text, language):
        assert 0 <= row["start"] < row["end"] <= len(text)
        assert row["kind"] in ("direct", "partial", "indirect")
        assert row["text"].strip()
        if row["speaker_start"] is not None:
            assert 0 <= row["speaker_start"] < row["speaker_end"] <= len(text)
        if row["cue_start"] is not None:
            assert text[row["cue_start"] : row["cue_end"]] == row["cue"]


# --------------------------------------------------------------------------- pronoun speakers


def quotes_with_actors(text: str, language: str = "id") -> list[dict]:
    """Quotes after the actor step, as in the pipeline."""
    from newsanalysis.actors import find_mentions, load_kb

    doc = Document("t", text, language)
    find_mentions(doc, load_kb())
    return extract_quotes(doc)


def test_clitic_goes_to_a_subject_named_after_the_last_speaker():
    text = (
        "“Kami bakar singkong di pantai setiap malam,” ujar Latif Aprianto.\n"
        "Rizki Rifai, anggota kelompok lainnya, juga ikut menyusuri pantai.\n"
        "”Kami bawa senter kecil dan harus hati-hati,” katanya."
    )
    rows = only(quotes_with_actors(text), "direct")
    assert [r["speaker"] for r in rows] == ["Latif Aprianto", "Rizki Rifai"]


def test_clitic_is_not_a_person_named_as_an_object():
    text = (
        "“Kegiatan logistik tetap harus jalan,” kata Menteri Perhubungan Budi Karya Sumadi.\n"
        "Ia juga memuji Presiden Joko Widodo.\n"
        "“Kami siap membantu pemerintah pusat,” ujarnya."
    )
    rows = only(quotes_with_actors(text), "direct")
    assert [r["speaker"] for r in rows] == ["Budi Karya Sumadi", "Budi Karya Sumadi"]


def test_clitic_is_not_a_person_named_inside_its_quote():
    text = (
        "Sosiolog Universitas Negeri Jakarta, Rakhmat Hidayat, mengingatkan hal itu.\n"
        "”Pada Juni, Gubernur Jakarta Anies Baswedan menjanjikan sistem darurat. "
        "Sekarang data menunjukkan arah itu,” ujarnya."
    )
    [row] = only(quotes_with_actors(text), "direct")
    assert row["speaker"] == "Rakhmat Hidayat"


def test_she_does_not_continue_a_man_quoted_before():
    text = (
        "“We will win this state,” said Mike Pence.\n"
        "Kellyanne Conway joined the rally later.\n"
        "“It was a good night for the campaign,” she said."
    )
    rows = only(quotes_with_actors(text, "en"), "direct")
    assert [r["speaker"] for r in rows] == ["Mike Pence", "Kellyanne Conway"]


def test_plural_pronoun_speaker_is_kept_as_written():
    text = "Mike Pence spoke first.\n“We are not going anywhere,” they said."
    [row] = only(quotes_with_actors(text, "en"), "direct")
    assert (row["speaker"], row["speaker_surface"]) == (None, "they")


# --------------------------------------------------------------------------- frames


def test_verb_after_a_quote_without_a_speaker_is_no_frame():
    text = (
        "City Attorney Brad Holm said in the letter that the advertisement “unmistakably "
        "and wrongfully” suggests that Phoenix supports the campaign."
    )
    [row] = only(quotes(text, "en"), "partial")
    assert (row["speaker_surface"], row["cue"]) == ("City Attorney Brad Holm", "said")
    text = (
        'In a statement, Peabody said: "Patriot Coal was highly successful in its first '
        'year," adding that its value quadrupled.'
    )
    [row] = only(quotes(text, "en"), "direct")
    assert (row["speaker"], row["cue"]) == ("Peabody", "said")


def test_sentence_after_a_closed_quote_is_not_its_frame():
    text = (
        'Japan branded North Korea an "outlaw nation in the neighborhood." Russia insisted '
        'that Pyongyang "stop its dangerous escapades." The agency said North Korea had '
        'displayed "complete disregard of the demands."'
    )
    rows = only(quotes(text, "en"), "partial")
    assert [r["speaker"] for r in rows] == ["Japan", "Russia", "The agency"]


def test_quote_opening_a_sentence_closed_by_an_attribution():
    text = (
        "Elizabeth Warren questioned the bank's chief executive.\n"
        "“The only way Wall Street will change will be if executives face jail time” for "
        "criminal behavior, she said."
    )
    [row] = only(quotes(text, "en"), "direct")
    assert (row["speaker_surface"], row["cue"]) == ("she", "said")


def test_frame_phrases_with_suffixes_modifiers_and_lists():
    [row] = quotes(
        "Vice President Joseph R. Biden Jr. responded that not paying taxes was not ''smart.''",
        "en",
    )[-1:]
    assert row["speaker_surface"] == "Vice President Joseph R. Biden Jr."
    [row] = only(
        quotes("“So why didn’t Donald Trump pay his?” a narrator in the ad asks.", "en"), "direct"
    )
    assert row["speaker_surface"] == "a narrator in the ad"
    text = (
        "The ceremony featured Patti LaBelle and Stevie Wonder, who joked of the museum, "
        "''I haven't seen it yet, but I'm going to.''"
    )
    [row] = quotes(text, "en")
    assert row["speaker"] == "Stevie Wonder"


def test_indonesian_speaker_phrases_after_an_inverted_cue():
    [row] = quotes("”Selanjutnya akan dilakukan pemeriksaan lanjutan,” kata Hari.")
    assert row["speaker"] == "Hari"
    [row] = quotes(
        "”Hari ini ada tambahan 15 kasus baru di Kota Kendari,” kata Juru Bicara Gugus Tugas "
        "Covid-19 Kendari dr Algazali."
    )
    assert row["speaker"] == "Algazali"
    text = (
        "Menurut Teguh, aturan itu aneh.\n”Kalau alasannya demikian, tidak perlu ada "
        "pembatasan sosial di kendaraan umum lain,” menurutnya lagi."
    )
    [row] = only(quotes(text), "direct")
    assert (row["speaker"], row["speaker_surface"], row["cue"]) == ("Teguh", "nya", "menurutnya")


def test_last_of_an_apposition_chain_and_a_name_after_an_organisation():
    text = (
        "”Belum tahu. Yang dari pusat belum tahu,” kata Kepala Dusun Nglahar, Kelurahan "
        "Sumbersari, Kecamatan Moyudan, Wahyu Wibowo di Kabupaten Sleman, Jumat (10/4/2020)."
    )
    [row] = only(quotes_with_actors(text), "direct")
    assert row["speaker"] == "Wahyu Wibowo"
    text = (
        "”Potensi puncak arus balik perlu diwaspadai,” ujar Direktur Prasarana Badan "
        "Pengelola Transportasi Jabodetabek Kementerian Perhubungan (Kemenhub) Edi Nursalam."
    )
    [row] = only(quotes_with_actors(text), "direct")
    assert row["speaker"] == "Edi Nursalam"


# --------------------------------------------------------------------------- indirect speech


def indirect(text: str, language: str = "en") -> list[tuple[str, str]]:
    return [(r["speaker_surface"], r["cue"]) for r in only(quotes(text, language), "indirect")]


def test_closing_attribution_around_reported_speech():
    text = (
        "Clinton had told police officials that she did not want the escort at all, but "
        "the NYPD overruled that request, the source added."
    )
    assert indirect(text) == [("the source", "added"), ("Clinton", "told")]
    text = (
        "His obsession with the president's birth is an insult to all Americans, top black "
        "lawmakers said Friday afternoon, as they bristled at his claims."
    )
    assert indirect(text) == [("top black lawmakers", "said")]


def test_according_to_any_source():
    assert indirect("According to exit polls, Mitt Romney had a ten-point lead in 2012.") == [
        ("exit polls", "According to")
    ]
    text = "The two candidates are virtually tied, according to a new national poll."
    assert indirect(text) == [("a new national poll", "according to")]


def test_participle_reports_what_the_subject_said():
    text = (
        "A New York judge has rejected a media request to open a court file, saying the "
        "courts have no business deciding what could be useful to voters."
    )
    [row] = only(quotes(text, "en"), "indirect")
    assert (row["speaker_surface"], row["speaker"], row["cue"]) == (
        "A New York judge",
        "A New York judge",
        "saying",
    )
    text = (
        "Menteri itu menolak tuduhan tersebut, seraya menegaskan bahwa pemerintah tidak "
        "pernah menunda bantuan."
    )
    assert indirect(text, "id") == [("Menteri itu", "menegaskan")]


def test_subjects_of_reported_speech():
    assert indirect(
        "A lawyer for the news outlets, David Schulz, said no decision had been made."
    ) == [("A lawyer for the news outlets, David Schulz", "said")]
    assert indirect("The state’s campaign chairman, Phil Lovas, said he cannot comment.") == [
        ("The state’s campaign chairman, Phil Lovas", "said")
    ]
    assert indirect("Federal and state officials said the two raised $350 million.") == [
        ("Federal and state officials", "said")
    ]
    assert indirect("The S.E.C. said it would increase oversight as well.") == [
        ("The S.E.C.", "said")
    ]


def test_role_anaphora_speakers():
    text = (
        "Kremlin spokesman Dmitry Peskov said the talks would be long. Xi Jinping arrived.\n"
        "“We expect a substantive exchange,” the spokesman said."
    )
    [row] = only(quotes_with_actors(text, "en"), "direct")
    assert (row["speaker"], row["speaker_surface"]) == ("Dmitry Peskov", "the spokesman")
    text = (
        "Juru bicara Kementerian Luar Negeri China Wang Wenbin menolak tuduhan itu. Presiden "
        "Xi Jinping tiba di Moskwa.\n”Kunjungan ini untuk perdamaian,” kata juru bicara itu."
    )
    [row] = only(quotes_with_actors(text), "direct")
    assert (row["speaker"], row["speaker_surface"]) == ("Wang Wenbin", "juru bicara itu")


def test_subject_before_an_aside_between_dashes():
    text = (
        "John Dickey, the chief executive of Ora Media -- the production company that owns "
        "Mr. King's programming -- told me, ''We're a content provider.''"
    )
    [row] = only(quotes_with_actors(text, "en"), "direct")
    assert (row["speaker"], row["cue"]) == ("John Dickey", "told")
    [row] = quotes_with_actors("Barack Obama -- speaking in Ohio -- said the plan was dead.", "en")
    assert (row["kind"], row["speaker"], row["text"]) == (
        "indirect",
        "Barack Obama",
        "the plan was dead",
    )


def test_speaker_name_before_a_bracketed_affiliation_and_after_a_possessor():
    text = (
        '"This is a big year for our senator!" Scott\'s niece, state Del. Marcia Price '
        "(D-Newport News), shouted to the crowd."
    )
    [row] = only(quotes_with_actors(text, "en"), "direct")
    assert row["speaker"] == "Marcia Price"


def test_nickname_in_quotation_marks_inside_a_speaker_name():
    text = (
        'Rep. Robert C. "Bobby" Scott opened his back yard.\n'
        '"This is a big year!" Scott\'s niece, state Del. Marcia "Cia" Price (D-Newport News), '
        "shouted to the crowd.\n"
        'Rep. Robert C. "Bobby" Scott said: "We will win."'
    )
    rows = only(quotes_with_actors(text, "en"), "direct")
    assert [(r["text"], r["speaker_surface"]) for r in rows] == [
        ("This is a big year!", 'Scott\'s niece, state Del. Marcia "Cia" Price (D-Newport News)'),
        ("We will win.", 'Rep. Robert C. "Bobby" Scott'),
    ]
    assert rows[0]["speaker"] == "Marcia Price"
    assert rows[1]["speaker"].endswith("Scott")


def test_reported_speech_of_a_second_verb_and_after_a_colon():
    rows = quotes_with_actors(
        "Cruz exhorted Republicans to vote and said he was standing on truth and principle.",
        "en",
    )
    assert [(r["kind"], r["speaker"], r["text"]) for r in rows] == [
        ("indirect", "Cruz", "he was standing on truth and principle")
    ]
    rows = quotes_with_actors(
        "Presiden Joko Widodo meninjau lokasi banjir dan mengatakan bahwa pemerintah akan "
        "membangun tanggul baru."
    )
    assert [(r["speaker"], r["text"]) for r in rows] == [
        ("Joko Widodo", "pemerintah akan membangun tanggul baru")
    ]
    rows = quotes_with_actors(
        "The revelation set off fireworks on Friday: Republicans said they are convinced "
        "the investigation was mishandled.",
        "en",
    )
    assert [(r["speaker_surface"], r["text"]) for r in rows] == [
        ("Republicans", "they are convinced the investigation was mishandled")
    ]


def test_cue_glued_to_the_word_before_does_not_break_the_article():
    # scraped text without a space after a full stop (CLICK-ID sindonews:1181): the
    # clitic cue "Lanjutnya" sits inside the token "Filipina.Lanjutnya"
    text = (
        "“Kami membangun kerja sama yang lebih luas dengan Filipina.”, ungkap CEO PT "
        "Sokonindo Automobile, Pang Hai, Senin (16/9/2019) waktu Filipina.Lanjutnya, "
        "“PT Sokonindo Automobile sebagai jembatan SOKON Group di ASEAN.”"
    )
    rows = quotes(text)
    assert any("membangun kerja sama" in r["text"] for r in rows)


def test_mentions_overlapping_a_span_are_found_by_binary_search_or_scan():
    from newsanalysis.extract.quote_lexicon import lexicon
    from newsanalysis.extract.quote_speakers import SpeakerResolver

    text = "Presiden Joko Widodo bertemu Perdana Menteri Anthony Albanese di Bogor."

    def mention(surface):
        start = text.index(surface)
        return Mention(start, start + len(surface), surface, "x", "kb")

    ordered = [mention("Joko Widodo"), mention("Anthony Albanese"), mention("Bogor")]
    nested = [mention("Joko Widodo"), mention("Widodo"), mention("Bogor")]  # not in order
    for mentions, searched in ((ordered, True), (nested, False)):
        doc = Document("t", text, "id", None)
        doc.mentions = mentions
        resolver = SpeakerResolver(doc, lexicon("id"))
        assert (resolver._mention_bounds is not None) == searched
        for start in range(len(text)):
            for end in range(start, len(text) + 1, 3):
                found = resolver._mentions_overlapping(start, end)
                overlapping = [m for m in found if m.start < end and m.end > start]
                assert overlapping == [m for m in mentions if m.start < end and m.end > start]


def test_phrase_tokenize_gives_word_and_punctuation_tokens_with_offsets():
    from newsanalysis.extract.quote_phrases import Tok, tokenize

    text = "Kata Mr. Obama: “Ya,” ujar O’Neil-Smith di AT&T."
    toks = tokenize(text, 5, len(text))
    assert all(type(t) is Tok for t in toks)
    assert [t.text for t in toks] == ["Mr", ".", "Obama", ":", "“", "Ya", ",", "”", "ujar"] + [
        "O’Neil-Smith",
        "di",
        "AT&T",
        ".",
    ]
    assert all(text[t.start : t.end] == t.text and t.low == t.text.lower() for t in toks)
    assert tokenize(text, 5, 5) == []
