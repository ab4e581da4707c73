"""Duplicate articles (exact and near copies) and meeting events."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from synthetic import synthetic_corpus

import newsanalysis as na
from newsanalysis.dedup import (
    assign_events,
    content_hash,
    find_duplicates,
    resolve_duplicates,
    shingle_hashes,
    shingles,
    text_signature,
)

STORY = (
    "Presiden Joko Widodo menerima kunjungan Perdana Menteri Australia Scott Morrison di "
    "Istana Bogor, Jawa Barat, Senin (9/9/2019). Kedua pemimpin membahas kerja sama "
    "perdagangan, pendidikan, dan keamanan kawasan. Menurut Jokowi, hubungan kedua "
    "negara terus membaik dalam lima tahun terakhir dan perjanjian dagang yang baru "
    "akan membuka pasar bagi produk pertanian Indonesia. Morrison mengatakan Australia "
    "siap meningkatkan investasi di sektor infrastruktur dan energi terbarukan."
)
OTHER = (
    "Harga cabai rawit di pasar tradisional Surabaya naik tajam menjelang akhir pekan. "
    "Pedagang mengeluhkan pasokan dari petani di Jawa Timur yang berkurang karena musim "
    "kemarau panjang, sementara permintaan dari rumah makan tetap tinggi."
)


def articles(texts, published=None):
    n = len(texts)
    return pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(n)],
            "content_hash": [content_hash(t) for t in texts],
            "published": pd.to_datetime(published or ["2019-09-09"] * n),
        }
    )


def test_shingles_are_case_folded_word_five_grams():
    grams = shingles("Satu dua TIGA empat lima enam")
    assert b"satu dua tiga empat lima" in grams
    assert b"dua tiga empat lima enam" in grams
    assert len(grams) == 2
    assert shingles("Dua kata") == [b"dua kata"]
    assert shingles("...") == []


def test_signature_is_deterministic_and_estimates_similarity():
    a, b = text_signature(STORY), text_signature(STORY)
    assert a is not None and (a == b).all()
    edited = STORY.replace("membaik", "menguat")
    grams, edited_grams = set(shingles(STORY)), set(shingles(edited))
    jaccard = len(grams & edited_grams) / len(grams | edited_grams)
    estimate = (text_signature(edited) == a).mean()
    assert abs(estimate - jaccard) < 0.15  # 64 permutations: standard error ~0.05
    assert (text_signature(OTHER) == a).mean() < 0.2
    assert text_signature("") is None


def test_signature_is_datasketchs_minhash_of_the_shingles():
    datasketch = pytest.importorskip("datasketch")
    from datasketch.hashfunc import sha1_hash32

    repeated = "satu dua tiga empat lima enam " * 3  # shingles that occur more than once
    texts = (STORY, OTHER, STORY + " " + OTHER, repeated, "Dua kata", "Satu dua tiga empat lima")
    for text in texts:
        grams = shingles(text)
        assert sorted(set(shingle_hashes(text).tolist())) == sorted(sha1_hash32(g) for g in grams)
        reference = datasketch.MinHash(num_perm=64, seed=1, scheme="affine32")
        reference.update_batch(grams)
        signature = text_signature(text)
        assert signature.dtype == np.uint32
        assert (signature == reference.hashvalues).all()
    assert len(shingle_hashes("...")) == 0


def test_exact_copies_point_to_the_earliest_published():
    texts = [STORY, OTHER, STORY]
    frame = articles(texts, ["2019-09-10", "2019-09-09", "2019-09-09"])
    dup = find_duplicates(frame)
    # a2 was published first, so a0 is its copy
    assert dup.tolist() == ["a2", None, None] or dup.fillna("-").tolist() == ["a2", "-", "-"]


def test_near_copies_need_signatures_and_the_threshold():
    edited = STORY.replace("Senin (9/9/2019)", "Senin (9/9/2019).")  # punctuation only
    texts = [STORY, edited, OTHER]
    frame = articles(texts)
    signatures = [text_signature(t) for t in texts]
    assert find_duplicates(frame).isna().all()  # exact only: nothing
    near = find_duplicates(frame, signatures)
    assert near.fillna("-").tolist() == ["-", "a0", "-"]
    long_story = STORY + " " + OTHER
    one_word = long_story.replace("pertanian", "perikanan", 1)  # J ~ 0.93
    shortened = STORY  # the first story only: J ~ 0.6
    frame = articles([long_story, one_word, shortened])
    signatures = [text_signature(t) for t in (long_story, one_word, shortened)]
    assert find_duplicates(frame, signatures).fillna("-").tolist() == ["-", "a0", "-"]
    assert find_duplicates(frame, signatures, threshold=1.0).isna().all()


def test_resolve_duplicates_modes():
    assert resolve_duplicates("auto") in ("near", "exact")
    assert resolve_duplicates("exact") == "exact"
    assert resolve_duplicates(None) is None
    with pytest.raises(ValueError):
        resolve_duplicates("fuzzy")


def test_content_hash_matches_what_the_pipeline_stores():
    result = na.analyze(synthetic_corpus(3), engine="serial", progress=False)
    for text, stored in zip(result.articles["text"], result.articles["content_hash"], strict=True):
        assert content_hash(text) == stored


def test_analyze_marks_synthetic_copies():
    result = na.analyze(synthetic_corpus(30), engine="serial", duplicates="near", progress=False)
    dup = result.articles.set_index("article_id")["duplicate_of"]
    assert dup.notna().sum() >= 1
    assert dup.loc["10"] == "4"  # the exact copy in the synthetic corpus


# --------------------------------------------------------------------------- events


def meetings(rows):
    defaults = {
        "participants": None,
        "participant_ids": None,
        "mode": "in_person",
        "date_start": None,
        "date_end": None,
        "date_precision": "day",
    }
    frame = pd.DataFrame([{**defaults, **r} for r in rows], columns=list(defaults))
    frame["meeting_id"] = [f"m{i}" for i in range(len(frame))]
    for column in ("date_start", "date_end"):
        frame[column] = pd.to_datetime(frame[column])
    return frame


def test_same_participants_mode_and_day_is_one_event():
    frame = meetings(
        [
            {"participant_ids": ["Q1", "Q2"], "date_start": "2019-09-09"},
            {"participant_ids": ["Q2", "Q1"], "date_start": "2019-09-09"},  # order irrelevant
            {"participant_ids": ["Q1", "Q2"], "date_start": "2019-09-10"},  # another day
            {"participant_ids": ["Q1", "Q2"], "date_start": "2019-09-09", "mode": "phone"},
            {"participant_ids": ["Q1", "Q3"], "date_start": "2019-09-09"},
        ]
    )
    assert assign_events(frame).tolist() == ["ev:m0", "ev:m0", "ev:m2", "ev:m3", "ev:m4"]


def test_coarse_dates_join_the_one_compatible_event():
    frame = meetings(
        [
            {"participant_ids": ["Q1", "Q2"], "date_start": "2019-09-09"},
            {
                "participant_ids": ["Q1", "Q2"],
                "date_start": "2019-09-01",
                "date_precision": "month",
            },
            {"participant_ids": ["Q1", "Q2"], "date_start": "2019-01-01", "date_precision": "year"},
            {
                "participant_ids": ["Q1", "Q2"],
                "date_start": "2019-10-01",
                "date_precision": "month",
            },
        ]
    )
    # the year row is compatible with both September and October: it stays apart
    assert assign_events(frame).tolist() == ["ev:m0", "ev:m0", "ev:m2", "ev:m3"]


def test_ambiguous_coarse_date_and_undated_rows_stay_apart():
    frame = meetings(
        [
            {"participant_ids": ["Q1", "Q2"], "date_start": "2019-09-09"},
            {"participant_ids": ["Q1", "Q2"], "date_start": "2019-09-20"},
            {
                "participant_ids": ["Q1", "Q2"],
                "date_start": "2019-09-01",
                "date_precision": "month",
            },
            {"participant_ids": ["Q1", "Q2"]},
            {"participant_ids": ["Q1", "Q2"]},
        ]
    )
    assert assign_events(frame).tolist() == ["ev:m0", "ev:m1", "ev:m2", "ev:m3", "ev:m4"]


def test_multi_day_visit_overlaps_a_day_inside_it_and_names_stand_in_for_ids():
    frame = meetings(
        [
            {
                "participants": ["Xi Jinping", "Vladimir Putin"],
                "mode": "visit",
                "date_start": "2023-03-20",
                "date_end": "2023-03-22",
            },
            {
                "participants": ["vladimir putin", "xi jinping"],
                "mode": "visit",
                "date_start": "2023-03-21",
            },
        ]
    )
    assert assign_events(frame).tolist() == ["ev:m0", "ev:m0"]


def test_empty_tables():
    assert len(assign_events(meetings([]))) == 0
    assert len(find_duplicates(articles([]))) == 0
