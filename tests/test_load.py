"""na.load / na.load_table: every format, column mapping, bad input, accounting."""

from __future__ import annotations

import json
import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest
from conftest import DATA, shared_path

import newsanalysis as na
from newsanalysis.errors import InputError

FORMATS = Path(__file__).parent / "data" / "formats"


def _load(*args, **kwargs) -> na.Corpus:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return na.load(*args, **kwargs)


def _errors_by_file(corpus: na.Corpus) -> dict[str, str]:
    names = corpus.errors["input"].map(lambda p: Path(p).name)
    return dict(zip(names, corpus.errors["error"], strict=True))


def _loaded_inputs(corpus: na.Corpus) -> int:
    """Inputs accounted for: articles plus error rows of inputs that did not load."""
    return len(corpus.articles) + int(corpus.errors["article_id"].isna().sum())


# --------------------------------------------------------------------------- formats


def test_txt_with_json_sidecar_takes_its_metadata():
    corpus = na.load(FORMATS / "jokowi-mahathir.txt")
    row = corpus.articles.iloc[0]
    assert len(corpus.articles) == 1 and corpus.errors.empty
    assert row["article_id"] == "sample-jokowi-mahathir"
    assert row["title"] == "Jokowi Terima Kunjungan Mahathir di Istana Bogor"
    assert row["published"] == pd.Timestamp("2019-09-09 14:30")
    assert row["language"] == "id" and row["source"] == "Contoh Berita"
    assert row["author"] == "Redaksi"
    assert row["text"].startswith("Jokowi Terima Kunjungan")


def test_txt_without_sidecar_takes_its_first_line_as_title(tmp_path):
    (tmp_path / "note.txt").write_text(
        "Menlu bertemu Dubes\nMenteri Luar Negeri bertemu Duta Besar di Jakarta.\n",
        encoding="utf-8",
    )
    row = na.load(tmp_path / "note.txt").articles.iloc[0]
    assert row["article_id"] == "note" and row["title"] == "Menlu bertemu Dubes"


def test_seed_article_and_sidecar_load(seed_path):
    row = na.load(seed_path).articles.iloc[0]
    assert row["article_id"] == "cnn-xi-putin-moscow"
    assert row["published"] == pd.Timestamp("2023-03-17")
    assert row["language"] == "id"
    assert "Xi Jinping" in row["text"]


def test_html_body_and_metadata_via_trafilatura():
    row = na.load(FORMATS / "xi-putin-summit.html").articles.iloc[0]
    assert row["title"] == "Xi and Putin hold talks in Moscow"
    assert row["published"] == pd.Timestamp("2023-03-21")
    assert row["author"] == "Jane Reporter"
    assert row["url"] == "https://worlddesk.example.com/2023/03/21/xi-putin-talks"
    assert row["text"].startswith("Chinese leader Xi Jinping")
    for chrome in ("Home", "All rights reserved", "Ten things to know"):
        assert chrome not in row["text"]


def test_jsonl_rows_map_their_columns():
    corpus = na.load(FORMATS / "articles.jsonl")
    articles = corpus.articles.set_index("article_id")
    assert list(articles.index) == ["jl-1", "jl-2", "jl-3"]
    assert articles.loc["jl-1", "published"] == pd.Timestamp("2019-11-12")  # day first
    assert articles.loc["jl-3", "published"] == pd.Timestamp("2019-10-28")  # "28 Oktober 2019"
    assert articles.loc["jl-2", "title"] == "Trump calls Erdogan"


def test_csv_with_indonesian_column_names():
    corpus = na.load(FORMATS / "articles.csv")
    first = corpus.articles.iloc[0]
    assert first["article_id"] == "articles:2"  # row 2 as a spreadsheet shows it
    assert first["title"].startswith("Wapres Ma'ruf Amin")
    assert first["published"] == pd.Timestamp("2019-11-06")
    assert '"Kita bahas kuota haji," kata' in first["text"]
    assert first["source"] == "Contoh Berita"


def test_xlsx_mixed_dates_time_column_and_swapped_day_month():
    corpus = _load(FORMATS / "articles.xlsx")
    published = corpus.articles.set_index("article_id")["published"]
    assert published["articles:2"] == pd.Timestamp("2019-06-28 10:15")
    # stored as 2019-10-09 (day and month swapped); the URL says /2019/09/10/
    assert published["articles:3"] == pd.Timestamp("2019-09-10 21:48")
    assert published["articles:4"] == pd.Timestamp("2019-09-16 08:05")  # "16/09/2019"
    assert corpus.articles["category"].tolist() == ["nasional"] * 3


def test_xlsx_other_sheets_are_reported_not_lost():
    with pytest.warns(UserWarning, match="berita_label"):
        corpus = na.load(FORMATS / "articles.xlsx")
    assert len(corpus.articles) == 3 and corpus.errors.empty
    assert corpus.skipped["input"].tolist() == [f"{FORMATS / 'articles.xlsx'}[berita_label]"]
    assert "sheet='all'" in corpus.skipped["reason"].iloc[0]
    assert "1 skipped" in repr(corpus)


def test_xlsx_sheet_choice():
    by_name = _load(FORMATS / "articles.xlsx", sheet="berita")
    assert len(by_name.articles) == 3 and by_name.skipped.empty is False
    every = na.load(FORMATS / "articles.xlsx", sheet="all")
    assert len(every.articles) == 3 and every.skipped.empty
    # the label-only sheet has no text: with sheet="all" that is an error naming the sheet
    assert every.errors["input"].tolist() == [f"{FORMATS / 'articles.xlsx'}[berita_label]"]
    assert "no text column" in every.errors["error"].iloc[0]
    with pytest.raises(InputError, match="no sheet named 'nope'"):
        na.load(FORMATS / "articles.xlsx", sheet="nope", errors="raise")


def test_parquet():
    corpus = na.load(FORMATS / "articles.parquet")
    assert corpus.articles["article_id"].tolist() == ["pq-1", "pq-2"]
    assert corpus.articles["language"].tolist() == ["id", "en"]
    assert corpus.articles["published"].iloc[1] == pd.Timestamp("2019-09-06 12:30")


def test_rss_feed_entries_from_description():
    corpus = na.load(FORMATS / "feed.rss")
    articles = corpus.articles
    assert len(articles) == 2
    assert articles["source"].tolist() == ["Contoh Berita - Nasional"] * 2
    assert articles["published"].iloc[0] == pd.Timestamp("2019-10-23 10:05")
    assert articles["text"].iloc[0].split("\n")[1] == (
        "Prabowo Subianto dilantik sebagai Menteri Pertahanan."
    )
    assert "<p>" not in articles["text"].iloc[0]


def test_atom_feed_prefers_content_over_summary():
    articles = na.load(FORMATS / "feed-atom.xml").articles
    assert articles["text"].iloc[0].startswith("Russian President Vladimir Putin")
    assert "Short summary only" not in articles["text"].iloc[0]
    assert articles["text"].iloc[1].startswith("French President Emmanuel Macron")
    assert articles["published"].iloc[1] == pd.Timestamp("2019-12-09 12:00")  # from <updated>


def test_folder_glob_and_list_inputs():
    folder = _load(FORMATS)
    assert len(folder.articles) == 16 and folder.errors.empty
    # same stem in two formats: ids name the whole file
    assert {"articles.csv:2", "articles.xlsx:2"} <= set(folder.articles["article_id"])
    globbed = na.load(str(FORMATS / "*.jsonl"))
    listed = na.load([FORMATS / "articles.jsonl", FORMATS / "feed.rss"])
    assert len(globbed.articles) == 3 and len(listed.articles) == 5


def test_file_url_and_remote_url(tmp_path):
    assert len(na.load((FORMATS / "articles.jsonl").as_uri()).articles) == 3
    corpus = na.load("https://example.com/news.html")
    assert corpus.errors["error"].iloc[0].startswith("only local files")


def test_language_override_and_source_default():
    corpus = na.load(FORMATS / "articles.jsonl", language="en", source="Example")
    assert set(corpus.articles["language"]) == {"en"}
    assert set(corpus.articles["source"]) == {"Example"}
    with pytest.raises(ValueError, match="unknown language"):
        na.load(FORMATS / "articles.jsonl", language="not a language!")


def test_bundled_sample_loads_without_errors():
    if not DATA.is_dir():
        pytest.skip("data/ not present")
    corpus = na.load(DATA)
    assert corpus.errors.empty, corpus.errors.to_string()
    assert corpus.skipped.empty
    assert len(corpus.articles) >= 200
    assert corpus.articles["article_id"].is_unique
    assert corpus.articles["published"].notna().all()


# --------------------------------------------------------------------------- load_table


def test_load_table_maps_named_columns_and_uses_index_as_id():
    frame = pd.DataFrame(
        {
            "isi_berita": ["Jokowi bertemu Prabowo di MRT.", "Trump met Kim at the DMZ."],
            "judul_berita": ["Jokowi-Prabowo", "Trump-Kim"],
            "tgl": ["13/07/2019", "30/06/2019"],
            "alamat": ["https://a.example/1", "https://b.example/2"],
        },
        index=[101, 102],
    )
    corpus = na.load_table(
        frame, text="isi_berita", title="judul_berita", published="tgl", url="alamat"
    )
    articles = corpus.articles
    assert articles["article_id"].tolist() == ["101", "102"]
    assert articles["title"].tolist() == ["Jokowi-Prabowo", "Trump-Kim"]
    assert articles["published"].tolist() == [
        pd.Timestamp("2019-07-13"),
        pd.Timestamp("2019-06-30"),
    ]
    assert articles["path"].iloc[0] == "table[index=101]"


def test_load_table_id_and_language_column_or_value(tmp_path):
    frame = pd.DataFrame(
        {"doc": ["a1", "a2"], "body": ["Satu dua tiga.", "One two three."], "lang": ["id", "EN"]}
    )
    by_column = na.load_table(frame, text="body", id="doc", language="lang")
    assert by_column.articles["article_id"].tolist() == ["a1", "a2"]
    assert by_column.articles["language"].tolist() == ["id", "en"]
    by_value = na.load_table(frame, text="body", id="doc", language="en")
    assert set(by_value.articles["language"]) == {"en"}
    path = tmp_path / "t.parquet"
    frame.to_parquet(path)
    assert len(na.load_table(path, text="body", id="doc").articles) == 2


def test_load_table_reads_files_and_time_column():
    corpus = na.load_table(FORMATS / "articles.xlsx", text="content", time="time")
    assert corpus.articles["published"].iloc[1] == pd.Timestamp("2019-09-10 21:48")


def test_load_table_wrong_column_names_raise_naming_the_columns():
    frame = pd.DataFrame({"body": ["x"], "title": ["t"]})
    with pytest.raises(InputError, match=r"no column 'content' for text; the columns are"):
        na.load_table(frame, text="content")
    with pytest.raises(InputError, match="no text column found"):
        na.load_table(pd.DataFrame({"headline": ["a"], "n": [1]}))


# --------------------------------------------------------------------------- bad input


def test_empty_binary_unknown_and_bad_encodings(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n ")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04 not really a docx")
    (tmp_path / "noext").write_text("Some text", encoding="utf-8")
    text = "Presiden Jokowi: “Kami sepakat” – kata dia. Café."
    (tmp_path / "cp1252.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "latin1.txt").write_bytes("Menteri Sébastien à Jakarta. Ça va.".encode("latin-1"))
    (tmp_path / "utf16.txt").write_bytes(text.encode("utf-16"))  # with BOM
    (tmp_path / "utf16le.txt").write_bytes(text.encode("utf-16-le"))  # without BOM
    corpus = na.load(tmp_path)
    errors = _errors_by_file(corpus)
    assert errors == {
        "blank.txt": "empty file",
        "empty.txt": "empty file",
        "image.txt": "binary file (contains NUL bytes), not text",
        "notes.docx": errors["notes.docx"],
        "noext": errors["noext"],
    }
    assert errors["notes.docx"].startswith("unsupported file type '.docx'")
    assert errors["noext"].startswith("unsupported file type '(no extension)'")
    texts = corpus.articles.set_index("article_id")["text"]
    assert texts["cp1252"] == text
    assert texts["latin1"] == "Menteri Sébastien à Jakarta. Ça va."
    assert texts["utf16"] == text and texts["utf16le"] == text
    assert _loaded_inputs(corpus) == 9


def test_corrupt_and_truncated_xlsx_and_html(tmp_path):
    data = (FORMATS / "articles.xlsx").read_bytes()
    (tmp_path / "truncated.xlsx").write_bytes(data[: len(data) // 2])
    (tmp_path / "garbage.xlsx").write_bytes(b"this is not a workbook at all")
    (tmp_path / "garbage.html").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "nobody.html").write_text("<html><head><title>x</title></head></html>")
    html = (FORMATS / "xi-putin-summit.html").read_text(encoding="utf-8")
    (tmp_path / "cut.html").write_text(html[: html.index("adding that")], encoding="utf-8")
    corpus = na.load(tmp_path)
    errors = _errors_by_file(corpus)
    assert errors["truncated.xlsx"].startswith("cannot read spreadsheet")
    assert errors["garbage.xlsx"].startswith("cannot read spreadsheet")
    assert errors["garbage.html"].startswith("binary file")
    assert errors["nobody.html"] == "no article text found in the HTML"
    # a page cut off mid-article still gives the text that is there
    assert corpus.articles["text"].iloc[0].startswith("Chinese leader Xi Jinping")
    assert _loaded_inputs(corpus) == 5


def test_csv_rows_empty_text_duplicate_ids_and_bad_dates(tmp_path):
    (tmp_path / "rows.csv").write_text(
        "id,title,content,date\n"
        "a,Satu,Presiden bertemu menteri.,10/09/2019\n"
        "b,Dua,,10/09/2019\n"
        "c,Tiga,   ,10/09/2019\n"
        "a,Empat,Menteri bertemu presiden.,11/09/2019\n"
        "e,Lima,Wapres bertemu gubernur.,kemarin sore\n",
        encoding="utf-8",
    )
    corpus = na.load(tmp_path / "rows.csv")
    assert corpus.articles["article_id"].tolist() == ["a", "e"]
    rows = corpus.errors.replace(str(tmp_path), ".", regex=False)
    rows = rows.assign(**{c: rows[c].str.replace(str(tmp_path), ".") for c in ("input", "error")})
    assert rows[["input", "article_id"]].astype(object).where(
        rows.notna(), None
    ).values.tolist() == [
        ["./rows.csv:row 3", None],
        ["./rows.csv:row 4", None],
        ["./rows.csv:row 5", None],
        ["./rows.csv:row 6", "e"],
    ]
    assert rows["error"].iloc[0] == "empty text in column 'content' (title: 'Dua')"
    assert rows["error"].iloc[2] == "duplicate article_id 'a' (already used by ./rows.csv:row 2)"
    assert rows["error"].iloc[3] == "published: cannot read date 'kemarin sore'"
    assert pd.isna(corpus.articles["published"].iloc[1])  # kept, without a date
    assert _loaded_inputs(corpus) == 5


def test_csv_without_text_column_and_malformed_csv(tmp_path):
    (tmp_path / "meta.csv").write_text("title,url\nA,https://x\n", encoding="utf-8")
    (tmp_path / "bad.csv").write_text('title,content\n"A,"unterminated\nB,c,d,e\n')
    corpus = na.load(tmp_path)
    errors = _errors_by_file(corpus)
    assert errors["meta.csv"].startswith("no text column found; the columns are ['title', 'url']")
    assert errors["bad.csv"].startswith("malformed CSV")


def test_jsonl_bad_lines_and_json_shapes(tmp_path):
    (tmp_path / "lines.jsonl").write_text(
        '{"text": "Satu."}\n{broken\n[1, 2]\n\n{"text": "Dua."}\n', encoding="utf-8"
    )
    (tmp_path / "scalar.json").write_text("42", encoding="utf-8")
    corpus = na.load(tmp_path)
    assert corpus.articles["article_id"].tolist() == ["lines:1", "lines:5"]
    errors = corpus.errors.assign(input=corpus.errors["input"].map(lambda p: Path(p).name))
    assert errors[["input", "error"]].values.tolist() == [
        ["lines.jsonl:line 2", errors["error"].iloc[0]],
        ["lines.jsonl:line 3", "expected a JSON object per line"],
        ["scalar.json", "expected a JSON object or a list of objects"],
    ]
    assert errors["error"].iloc[0].startswith("invalid JSON")


def test_bad_sidecar_and_bad_feed(tmp_path):
    (tmp_path / "a.txt").write_text("Menteri bertemu Dubes.", encoding="utf-8")
    (tmp_path / "a.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "notafeed.xml").write_text("<config><a>1</a></config>", encoding="utf-8")
    (tmp_path / "empty.rss").write_text(
        '<rss version="2.0"><channel><title>t</title></channel></rss>'
    )
    corpus = na.load(tmp_path)
    errors = _errors_by_file(corpus)
    assert errors["a.json"].startswith("metadata sidecar of a.txt is not valid JSON")
    assert errors["notafeed.xml"] == "XML file that is not an RSS or Atom feed"
    assert errors["empty.rss"].startswith("no feed entries found")


def test_missing_inputs_and_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    corpus = na.load(tmp_path / "nope.csv", tmp_path / "empty", str(tmp_path / "*.parquet"))
    assert corpus.errors["error"].tolist() == [
        "no such file or folder",
        "folder holds no article files",
        "glob pattern matches no files",
    ]
    with pytest.raises(InputError, match="no input files given"):
        na.load([])


def test_thousand_files_three_broken(tmp_path):
    for n in range(1000):
        meta = {"id": f"doc-{n:04d}", "published": "2019-09-10"}
        (tmp_path / f"doc-{n:04d}.txt").write_text(
            f"Berita nomor {n}. Menteri bertemu gubernur di Jakarta.", encoding="utf-8"
        )
        (tmp_path / f"doc-{n:04d}.json").write_text(json.dumps(meta), encoding="utf-8")
    (tmp_path / "doc-0007.txt").write_bytes(b"")
    (tmp_path / "doc-0500.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (tmp_path / "doc-0999.json").write_text("{oops", encoding="utf-8")
    (tmp_path / "README.md").write_text("notes about this folder", encoding="utf-8")
    corpus = na.load(tmp_path)
    assert len(corpus.articles) == 997
    assert sorted(Path(p).name for p in corpus.errors["input"]) == [
        "doc-0007.txt",
        "doc-0500.txt",
        "doc-0999.json",
    ]
    assert _loaded_inputs(corpus) == 1000


def test_strict_mode_raises_at_the_first_problem(tmp_path):
    shutil.copy(FORMATS / "articles.jsonl", tmp_path / "ok.jsonl")
    (tmp_path / "zz.txt").write_bytes(b"")
    with pytest.raises(InputError, match=r"zz\.txt: empty file"):
        na.load(tmp_path, errors="raise")
    with pytest.raises(InputError, match="duplicate article_id"):
        na.load_table(pd.DataFrame({"text": ["a", "b"], "id": ["x", "x"]}), id="id", errors="raise")
    with pytest.raises(ValueError, match="errors must be"):
        na.load(tmp_path, errors="ignore")


# --------------------------------------------------------------------------- CLICK-ID


CLICK_ID = {  # file -> rows in the main sheet / file, rows without text
    "kompas.xlsx": (3253, 0),
    "okezone.xlsx": (4664, 5),
    "sindonews.xlsx": (3572, 1),  # one row holds only " , - , , "
    "tribunnews.csv": (1500, 21),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(CLICK_ID))
def test_click_id_loads_every_row_with_a_sane_date(name):
    path = shared_path("corpus", "click-id", name)
    rows, empty = CLICK_ID[name]
    corpus = _load(path)
    assert len(corpus.articles) == rows - empty
    assert len(corpus.errors) == empty
    assert corpus.errors["error"].str.startswith("empty text").all()
    assert _loaded_inputs(corpus) == rows
    published = corpus.articles["published"]
    assert published.notna().all()
    assert published.between("2019-08-20", "2019-12-31 23:59").all()
    # the time column is combined: most stories are not stamped at midnight
    assert (published.dt.strftime("%H:%M") != "00:00").mean() > 0.95
    if name.endswith(".xlsx"):
        assert len(corpus.skipped) == 2  # the labelled-subset and label-only sheets


def test_csv_separator_is_detected_and_tsv(tmp_path):
    (tmp_path / "semi.csv").write_text(
        "judul;isi;tanggal\nRapat kabinet;Presiden memimpin rapat kabinet, Senin.;12/25/2019\n",
        encoding="utf-8",
    )
    (tmp_path / "tabs.tsv").write_text("title\ttext\nA\tMenteri bertemu Dubes.\n", encoding="utf-8")
    corpus = na.load(tmp_path)
    assert corpus.errors.empty
    texts = corpus.articles.set_index("article_id")["text"]
    assert texts["semi:2"] == "Presiden memimpin rapat kabinet, Senin."
    assert texts["tabs:2"] == "Menteri bertemu Dubes."
    published = corpus.articles.set_index("article_id")["published"]
    assert published["semi:2"] == pd.Timestamp("2019-12-25")  # unambiguously month first
