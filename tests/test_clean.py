from hypothesis import given
from hypothesis import strategies as st

from newsanalysis.clean import clean_text, to_raw


def test_seed_boilerplate_is_cut(seed_path):
    cleaned = clean_text(seed_path.read_text(encoding="utf-8"))
    assert cleaned.text.endswith("terakhir pada September saat pertemuan puncak di Asia Tengah.")
    for line in ("Anna Chernova", "Penyelenggara amatir", "More Stories", "hiu memenggal"):
        assert line not in cleaned.text


def test_mojibake_and_joined_paragraphs_are_repaired():
    raw = " - Polisi menangkap dua orang.,Penangkapan itu hasil pengembangan.,‚ÄúKami terus bekerja,‚Äù kata Zulmi¬†di Anambas."
    cleaned = clean_text(raw)
    assert cleaned.text == (
        "Polisi menangkap dua orang.\nPenangkapan itu hasil pengembangan.\n“Kami terus bekerja,” kata Zulmi di Anambas."
    )


@given(st.text(alphabet=st.sampled_from(list("ab ,.\n\u00a0‚Äú\u200bXY")), max_size=80))
def test_offsets_map_back_to_the_same_characters(raw):
    cleaned = clean_text(raw)
    runs = cleaned.offsets
    for clean_start, raw_start, length in zip(runs[0::3], runs[1::3], runs[2::3], strict=True):
        assert (
            cleaned.text[clean_start : clean_start + length] == raw[raw_start : raw_start + length]
        )
    for start in range(len(cleaned.text)):
        raw_start, raw_end = to_raw(runs, start, start + 1, len(raw))
        assert 0 <= raw_start <= raw_end <= len(raw)
