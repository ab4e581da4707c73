"""Sample candidate sentences for the meetings gold set (gold/meetings/GUIDELINE.md §9).

Indonesian candidates come from CLICK-ID (kompas, okezone, sindonews; the main sheets,
not the clickbait sheets; tribunnews too from round 8 on), English ones from PolNeAR train
(and dev, rounds 6 and 7); round 15 reads PFSA-ID (Indonesian) and NewsMTSC (English),
round 16 idNER (Indonesian) and NewsMTSC. Texts are cleaned and split by the package
itself, so every sampled sentence can be
found again in the text that ``na.analyze`` produces. The sample is stratified by
trigger family with fixed quotas and a fixed seed, at most one sentence per article;
the dev/test split is by a hash of the article id.

    .venv/bin/python scripts/sample_meeting_sentences.py > gold/meetings/candidates.jsonl
    .venv/bin/python scripts/sample_meeting_sentences.py --round 2 \
        > gold/meetings/candidates_round2.jsonl

    .venv/bin/python scripts/sample_meeting_sentences.py --round 3 \
        > gold/meetings/candidates_round3.jsonl
    .venv/bin/python scripts/sample_meeting_sentences.py --round 4 \
        > gold/meetings/candidates_round4.jsonl
    .venv/bin/python scripts/sample_meeting_sentences.py --round 5 \
        > gold/meetings/candidates_round5.jsonl
    .venv/bin/python scripts/sample_meeting_sentences.py --round 6 \
        > gold/meetings/candidates_round6.jsonl
    .venv/bin/python scripts/sample_meeting_sentences.py --round 7 \
        > gold/meetings/candidates_round7.jsonl
    .venv/bin/python scripts/sample_meeting_sentences.py --round 8 \
        > gold/meetings/candidates_round8.jsonl
    .venv/bin/python scripts/sample_meeting_sentences.py --round 9 \
        > gold/meetings/candidates_round9.jsonl
    .venv/bin/python scripts/sample_meeting_sentences.py --round 10 \
        > gold/meetings/candidates_round10.jsonl
    .venv/bin/python scripts/sample_meeting_sentences.py --round 11 \
        > gold/meetings/candidates_round11.jsonl
    .venv/bin/python scripts/sample_meeting_sentences.py --round 12 \
        > gold/meetings/candidates_round12.jsonl
    .venv/bin/python scripts/sample_meeting_sentences.py --round 13 \
        > gold/meetings/candidates_round13.jsonl
    .venv/bin/python scripts/sample_meeting_sentences.py --round 14 \
        > gold/meetings/candidates_round14.jsonl
    .venv/bin/python scripts/sample_meeting_sentences.py --round 15 \
        > gold/meetings/candidates_round15.jsonl
    .venv/bin/python scripts/sample_meeting_sentences.py --round 16 \
        > gold/meetings/candidates_round16.jsonl
    .venv/bin/python scripts/sample_meeting_sentences.py --round 17 \
        > gold/meetings/candidates_round17.jsonl
    .venv/bin/python scripts/sample_meeting_sentences.py --round 18 \
        > gold/meetings/candidates_round18.jsonl

Round 2 (GUIDELINE §9.5) is enriched: only sentences where a trigger is directly
followed or preceded by a capitalised word, from articles not used in round 1.
Round 3 (GUIDELINE §9.6) keeps only a meeting verb directly followed (optionally after
"dengan"/"with") by a title word or a two-word capitalised name, from articles not
used before. Round 4 (GUIDELINE §9.7) is a fresh test round drawn after the rules were
written: half as round 1, half as round 2, new seed, articles of no earlier round.
Round 5 (GUIDELINE §9.8, ``split: "test3"``) is a second fresh test round, seed 20191205,
articles of no round 1-4: first as round 3 (Indonesian only: no unused PolNeAR train
article has such a sentence), then as round 2, then as round 1; each candidate's
``draw`` says which (``title``, ``enriched``, ``random``). It drew 151 sentences: 45 +
30 + 27 Indonesian, 37 enriched + 12 random English.
Round 6 (GUIDELINE §9.9, ``split: "test4"``) is a third fresh test round drawn the same
way, seed 20191206, articles of no round 1-5; PolNeAR train being nearly used up, its
English pool also takes PolNeAR dev articles (``corpus: "polnear/dev"``). It drew 148
sentences: 7 title + 40 enriched + 52 random Indonesian, 2 + 31 + 16 English (the
title pools held no more).
Round 7 (GUIDELINE §9.10, ``split: "test5"``) is a fourth fresh test round drawn the
same way (``_fresh_round``, shared with round 6), seed 20191207, articles of no round
1-6, English from PolNeAR train and dev (PolNeAR test is not in ``../shared``). The
pools are nearly used up: no title sentence is left in either language and the only
English enriched sentences are ``phone`` ones. It drew 118 sentences: 0 title + 37
enriched + 43 random Indonesian, 0 + 12 + 26 English (34 train, 4 dev).
Round 8 (GUIDELINE §9.11, ``split: "test6"``) is a fifth fresh test round
(``_fresh_round``), seed 20191208, articles of no round 1-7, **Indonesian only** (the
English pools are used up), drawn enriched (about 60%) then random (about 40%), no title
draw. The unused enriched pool of the three papers held only about 47 sentences, so
CLICK-ID tribunnews.csv (``tribunnews_records``, its own news sections) joins the pool.
It drew 145 sentences: 85 enriched + 60 random (58 tribunnews, 37 sindonews, 27
okezone, 23 kompas); annotated blind, 52 carry a meeting (53 events).
Round 9 (GUIDELINE §9.12, ``split: "test7"``) is a sixth fresh test round drawn as
round 8 (``_fresh_round``, tribunnews included), seed 20191209, articles of no round
1-8, Indonesian only. The unused enriched pool held only 13 sentences, so the random
quotas were raised: it drew 127 sentences, 13 enriched + 114 random (42 sindonews, 32
okezone, 27 tribunnews, 26 kompas); annotated blind, 21 carry a meeting (21 events).
Round 10 (GUIDELINE §9.13, ``split: "test8"``) is a seventh fresh test round, seed
20191210, both languages, drawn title, enriched, random (``_fresh_round`` with
``test_articles``) from two pools, named in each candidate's ``pool``: ``fresh``, the
articles of no round 1-9 (as round 9), and ``test_article``, the articles whose gold
records are all in test splits, without the paragraphs holding those gold sentences;
both leave out the articles of the judged unlabelled samples. It drew 142 sentences
(100 Indonesian, 42 English; 29 fresh, 113 test_article): title 22, enriched 65,
random 55; annotated blind, 50 carry a meeting (50 events).
Round 11 (GUIDELINE §9.14, ``split: "test9"``) is an eighth fresh test round, seed
20191211, drawn as round 10 (``_fresh_round`` with ``test_articles``) once round 10 was
opened as development data: pool A the articles of no round 1-10, pool B the unread
paragraphs of articles used only by the test splits of rounds 1-9, without the articles
round 10 drew. The title and enriched pools being nearly empty, the random quotas are
raised (as in round 9): 146 sentences (93 Indonesian, 53 English; 69 fresh, 77
test_article): title 2, enriched 18, random 126; annotated blind, 18 carry a meeting (18
events).
Round 12 (GUIDELINE §9.15, ``split: "test10"``) is a ninth fresh test round, seed
20191212, drawn as round 11 (``_fresh_round`` with ``test_articles``) once rounds 10 and
11 were opened as development data: pool A the articles of no round 1-11, pool B the
unread paragraphs of articles used only by the test splits of rounds 1-9, without the
articles rounds 10 and 11 drew. The title and enriched pools hold 4 sentences, so the
random quotas are raised again: 150 sentences (100 Indonesian, 50 English; 87 fresh, 63
test_article): enriched 4, random 146; annotated blind, 22 carry a meeting (22 events).
Round 13 (GUIDELINE §9.16, ``split: "test11"``) is a tenth fresh test round, seed
20191213, drawn as round 12 (``_pool_b_round``) once rounds 10-12 were opened as
development data: pool A the articles of no round 1-12, pool B the unread paragraphs of
articles used only by the test splits of rounds 1-9, without the articles rounds 10-12
drew; both pools also leave out the seed-41 unlabelled sample judged after round 12 was
drawn (``UNLABELLED_SAMPLES_13``; rounds 10-12 keep ``UNLABELLED_SAMPLES``). The title
and enriched pools hold only English "called" phone sentences, so the random quotas are
raised to give about 180 candidates: 176 (122 Indonesian, 54 English; 102 fresh, 74
test_article): enriched 2, random 174; annotated blind, 31 carry a meeting (31 events).
Round 14 (GUIDELINE §9.17, ``split: "test12"``) is an eleventh fresh test round, seed
20191214, drawn as round 13 (``_pool_b_round``) once rounds 10-13 were opened as
development data: pool A the articles of no round 1-13, pool B the unread paragraphs of
articles used only by the test splits of rounds 1-9, without the articles rounds 10-13
drew; both pools leave out the judged unlabelled samples of round 13 (none was judged
since). The random pools now hold Indonesian in_person, talks, phone and off-topic
sentences only and English phone ones only, so Indonesian in_person takes its whole pool
and the English third is "called"/"phone" sentences: 182 (126 Indonesian, 56 English; 137
fresh, 45 test_article): enriched 2, random 180; annotated blind, 25 carry a meeting (25
events, one of them English).
Round 15 (GUIDELINE §9.18, ``split: "test13"``) is a twelfth fresh test round, seed
20191215, from two sources no round had read, since the CLICK-ID and PolNeAR pools are
used up: **every** sentence of PFSA-ID dev-20 (204 Kompas articles rebuilt by
``quotes_pfsa.load``; ``corpus: "pfsa-id/dev-20"``, ``row`` the article's index,
``draw: "all"``, several sentences per article) that an Indonesian trigger family matches,
and a random draw by family quota (``QUOTA_EN_15``, ``draw: "random"``) from NewsMTSC train
(7,758 English sentences, each its own article; ``corpus: "newsmtsc/train"``). Neither
source gives a title or a publication date. PFSA-ID candidates keep no context (the data
are CC BY-NC-SA). It drew 231 sentences: 151 PFSA-ID (74 articles) and 80 NewsMTSC;
annotated blind, 34 carry a meeting (35 events; 8 of them in PFSA-ID).
Round 16 (GUIDELINE §9.19, ``split: "test14"``) is a thirteenth fresh test round, seed
20191216, again from text no round had read: **every** sentence of idNER-news-2k (train
and dev, about 1,830 Indonesian news sentences, MIT; each sentence its own record, read
by the NER scorer's reader and detokenised by ``evaluate.meetings.idner_sentences``;
``corpus: "idner/train"`` or ``"idner/dev"``, ``row`` the sentence's index in its file,
``draw: "all"``) that an Indonesian trigger family matches, and a random draw by family
quota (``QUOTA_EN_16``, ``draw: "random"``) from the NewsMTSC train sentences round 15 did
not draw (its records read from ``candidates_round15.jsonl``). No title, no date. It drew
156 sentences: 56 idNER (43 train, 13 dev) and 100 NewsMTSC; annotated blind, 51 carry a
meeting (60 events; 25 of them in idNER).
Round 17 (GUIDELINE §9.20, ``split: "test15"``) is a fourteenth fresh test round, seed
20191217, NewsMTSC only: a random draw by family quota (``QUOTA_EN_17``, ``draw: "random"``)
from the NewsMTSC train sentences rounds 15 and 16 did not draw (their records read from
``candidates_round15.jsonl`` and ``candidates_round16.jsonl``). No title, no date. It drew
120 sentences (in_person 50, visit 18, talks 18, summit 10, phone 24); annotated blind, 48
carry a meeting (49 events).
Round 18 (GUIDELINE §9.21, ``split: "test16"``) is a fifteenth fresh test round, seed
20191218, NewsMTSC only: **every** train sentence of the in_person, visit, talks and summit
families that rounds 15-17 did not draw (their records read from their candidates files),
and 20 phone sentences at random (``QUOTA_EN_18``, ``draw: "random"``). No title, no date.
It drew 77 sentences (in_person 24, visit 12, talks 18, summit 3, phone 20); annotated
blind, 26 carry a meeting (28 events). The round takes the last NewsMTSC train sentences of
the four meeting families.
Each round is one entry of ``ROUNDS`` (round number -> the function that prints it).

The trigger patterns here are deliberately broader than the extractor's vocabulary:
they select what to annotate, and the annotator decides what is an event.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import sys
import warnings
from pathlib import Path

import pandas as pd

import newsanalysis as na
from newsanalysis.clean import clean_text
from newsanalysis.document import Document

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = 20191201
TEST_PERCENT = 35

# Most specific family first: a sentence is filed under the first family it matches.
FAMILIES_ID = {
    "idiom": r"\b(sampai (jumpa|bertemu)|bertemu di tengah jalan|titik temu|ketemu di tengah)\b",
    "virtual": r"\b(pertemuan virtual|video ?call|panggilan video|konferensi video|telekonferensi|video conference|secara virtual)\b",
    "phone": r"\b(telepon|telpon|bertelepon|menelepon|ditelepon|sambungan telepon)\b",
    "summit": r"\b(KTT|pertemuan puncak|konferensi tingkat tinggi|di sela-sela|di sela)\b",
    "talks": r"\b(berunding|perundingan|negosiasi|bernegosiasi|pembicaraan bilateral|berdialog|dialog)\b",
    "visit": r"\b(mengunjungi|kunjungan|dikunjungi|menjamu|dijamu|bertandang|lawatan|menyambangi|disambangi|sowan)\b",
    "in_person": r"\b(bertemu|pertemuan|bertatap muka|menemui|ditemui|bersilaturahmi|silaturahmi|ketemu)\b",
}
FAMILIES_EN = {
    "idiom": r"\b(meets? (the|their|its|his|her|our) (deadline|needs|requirements?|standards?|goals?|targets?|criteria)|meets the eye)\b",
    "virtual": r"\b(video ?conference|virtual meeting|video call)\b",
    "phone": r"\b(phone|telephone|call with|called)\b",
    "summit": r"\b(summit|sidelines)\b",
    "talks": r"\b(talks|negotiations?|negotiated)\b",
    "visit": r"\b(visit|visited|visiting|visits|hosted|hosting)\b",
    "in_person": r"\b(met|meet|meets|meeting|meetings|sat down with)\b",
}
QUOTA_ID = {
    "in_person": 70,
    "visit": 42,
    "talks": 15,
    "summit": 18,
    "phone": 14,
    "virtual": 6,
    "idiom": 10,
    "offtopic": 10,
}
#: news sections of each paper (the rest feeds the ``offtopic`` negatives)
NEWS_SECTIONS = {"News", "Nasional", "International", "Daerah", "Metro", "Ekbis", "Economy"}
#: journalist-meets-source formula: not a trigger (GUIDELINE §8 ``press``)
PRESS = re.compile(r"\b(saat|ketika|usai|seusai|setelah|sesudah|waktu) ditemui\b", re.IGNORECASE)
QUOTA_EN = {
    "in_person": 20,
    "visit": 10,
    "talks": 5,
    "summit": 5,
    "phone": 5,
    "virtual": 2,
    "idiom": 5,
}


QUOTA_ID_2 = {"in_person": 50, "visit": 30, "talks": 8, "summit": 8, "phone": 10, "virtual": 4}
QUOTA_EN_2 = {"in_person": 18, "visit": 8, "talks": 4, "summit": 2, "phone": 4}
SEED_2 = 20191202
SEED_3 = 20191203
QUOTA_ID_3 = {"in_person": 40, "visit": 8, "talks": 6, "phone": 6}
QUOTA_EN_3 = {"in_person": 12, "visit": 3}
_TITLES = (
    r"Presiden|Perdana|Menteri|Menlu|Ketua|Wakil|Gubernur|Raja|Kanselir|Sekjen|Dubes"
    r"|Duta|Kepala|President|Prime|Secretary|Sen\.|Gov\.|Senator|Governor|Chancellor"
)
ROUND3 = re.compile(
    r"(?i:bertemu|menemui|pertemuan|bertatap muka|berunding|bertelepon|menelepon"
    r"|melalui telepon|menerima kunjungan|mengunjungi|met|meet|meets|talks|visited|spoke)"
    r"\s+(?:(?i:dengan|with)\s+)?"
    rf"(?:{_TITLES}|[A-Z][a-z]+\s+[A-Z][a-z]+)\b"
)


def _enriched(families: dict[str, str]) -> re.Pattern[str]:
    """A trigger right after/before a capitalised word, not followed by a demonstrative."""
    trig = "|".join(v[3:-3] for k, v in families.items() if k != "idiom")
    after = (
        rf"(?i:{trig})\s+(?:(?i:kerja|kenegaraan|resmi|balasan|state|official)\s+)?"
        r"(?:(?i:dengan|ke|kepada|with|to)\s+)?[A-Z]"
    )
    before = rf"[A-Z][\w.'-]*\s+(?:(?i:telah|sudah|akan|bakal|has|have|will)\s+)?(?i:{trig})"
    return re.compile(rf"(?:{after}|{before})(?!\w*\s+(?:itu|tersebut|ini)\b)")


def split_of(article_id: str) -> str:
    digest = hashlib.md5(article_id.encode("utf-8")).hexdigest()
    return "test" if int(digest[:8], 16) % 100 < TEST_PERCENT else "dev"


def _family(sentence: str, families: dict[str, re.Pattern]) -> str | None:
    sentence = PRESS.sub(" ", sentence)
    for name, pattern in families.items():
        if pattern.search(sentence):
            return name
    return None


def candidates(records, language: str, families: dict[str, str], enriched=None, skip=()):
    """(family, candidate dict) for every trigger sentence of every article."""
    compiled = {
        k: re.compile(v, re.IGNORECASE if k != "summit" else 0) for k, v in families.items()
    }
    for rec in records:
        if rec["article_id"] in skip:
            continue
        text = clean_text(rec["text"] or "").text
        doc = Document(rec["article_id"], text, language)
        unread = _unread_sentences(rec, text, doc)
        for n, (s, e) in enumerate(doc.sentences):
            if n not in unread:
                continue
            sentence = text[s:e]
            if len(sentence) > 600:
                continue
            family = _family(sentence, compiled)
            if family is None:
                continue
            if enriched is not None and not enriched.search(PRESS.sub(" ", sentence)):
                continue
            if not rec.get("news", True):
                family = "offtopic"
            p_start, _ = doc.paragraphs[doc.paragraph_index(s)]
            context = text[p_start:s].strip()
            if not context and doc.paragraph_index(s) > 0:
                ps, pe = doc.paragraphs[doc.paragraph_index(s) - 1]
                context = text[ps:pe]
            yield (
                family,
                {
                    "gid": f"{rec['article_id']}:{n}",
                    "split": split_of(rec["article_id"]),
                    "article_id": rec["article_id"],
                    "corpus": rec["corpus"],
                    "row": rec.get("row"),
                    "file": rec.get("file"),
                    "offset": s,
                    "published": rec["published"],
                    "language": language,
                    "family": family,
                    "title": rec.get("title"),
                    "context": context[-700:],
                    "sentence": sentence,
                },
            )


def _unread_sentences(rec: dict, text: str, doc: Document) -> range | set[int]:
    """Indices of the sentences of ``doc`` that may be drawn: all of them, except in a
    test-only article of an earlier round (``rec["gold_sentences"]``, rounds 10 to 12), where
    every sentence of a paragraph holding a gold sentence has been read already."""
    gold = rec.get("gold_sentences")
    if not gold:
        return range(len(doc.sentences))
    from newsanalysis.evaluate.locate import locate_sentence

    read = set()
    for sentence in gold:
        found = locate_sentence(text, sentence)
        if found is not None:
            read.add(doc.paragraph_index(found[0]))
    return {n for n, (s, _) in enumerate(doc.sentences) if doc.paragraph_index(s) not in read}


def click_id_records():
    for name in ("kompas", "okezone", "sindonews"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the clickbait sheets are not read
            corpus = na.load(SHARED / "corpus" / "click-id" / f"{name}.xlsx")
        frame = corpus.articles
        # the main sheet only (older loaders read every sheet and named it in the path)
        frame = frame[~frame["path"].str.contains("clickbait|label", regex=True)]
        for rec in frame.to_dict("records"):
            yield {
                "article_id": rec["article_id"],
                "corpus": f"click-id/{name}.xlsx",
                "row": int(str(rec["path"]).rsplit("row ", 1)[1]),
                "published": None if pd.isna(rec["published"]) else str(rec["published"].date()),
                "title": rec["title"],
                "text": rec["text"],
                "news": rec.get("category") in NEWS_SECTIONS,
            }


def polnear_records(compartment: str = "train"):
    meta = pd.read_csv(SHARED / "eval" / "polnear" / "metadata.tsv", sep="\t")
    meta = meta[meta["compartment"] == compartment]
    for rec in meta.to_dict("records"):
        path = SHARED / "eval" / "polnear" / compartment / "text" / f"{rec['filename']}.txt"
        if not path.exists():
            continue
        yield {
            "article_id": f"polnear:{rec['filename']}",
            "corpus": f"polnear/{compartment}",
            "file": f"{compartment}/text/{rec['filename']}.txt",
            "published": str(rec["publication_date"]),
            "title": rec["title"],
            "text": path.read_text(encoding="utf-8"),
        }


def sample(pool, quotas: dict[str, int], rng: random.Random) -> list[dict]:
    by_family: dict[str, list[dict]] = {k: [] for k in quotas}
    for family, cand in pool:
        if family in by_family:
            by_family[family].append(cand)
    chosen, used_articles = [], set()
    for family, quota in quotas.items():
        items = by_family[family]
        rng.shuffle(items)
        taken = 0
        for cand in items:
            if taken == quota:
                break
            if cand["article_id"] in used_articles:
                continue
            used_articles.add(cand["article_id"])
            chosen.append(cand)
            taken += 1
    return chosen


def main_round1() -> None:
    """The first round (GUIDELINE §9.1-§9.4): random trigger sentences by family quota."""
    rng = random.Random(SEED)
    chosen = sample(candidates(click_id_records(), "id", FAMILIES_ID), QUOTA_ID, rng)
    chosen += sample(candidates(polnear_records(), "en", FAMILIES_EN), QUOTA_EN, rng)
    for cand in chosen:
        sys.stdout.write(json.dumps(cand, ensure_ascii=False) + "\n")


def main() -> None:
    """Print the candidates of the round ``--round N`` names (round 1 without it)."""
    number = sys.argv[sys.argv.index("--round") + 1] if "--round" in sys.argv else "1"
    if number not in ROUNDS:
        sys.exit(f"unknown round {number!r}: one of {', '.join(ROUNDS)}")
    ROUNDS[number]()


def main_round2() -> None:
    rng = random.Random(SEED_2)
    round1 = ROOT / "gold" / "meetings" / "candidates.jsonl"
    used = {json.loads(line)["article_id"] for line in round1.open(encoding="utf-8")}
    news = (r for r in click_id_records() if r["news"])
    pool = candidates(news, "id", FAMILIES_ID, _enriched(FAMILIES_ID), used)
    chosen = sample(pool, QUOTA_ID_2, rng)
    pool = candidates(polnear_records(), "en", FAMILIES_EN, _enriched(FAMILIES_EN), used)
    chosen += sample(pool, QUOTA_EN_2, rng)
    for cand in chosen:
        cand["round"] = 2
        sys.stdout.write(json.dumps(cand, ensure_ascii=False) + "\n")


def main_round3() -> None:
    rng = random.Random(SEED_3)
    used = set()
    for name in ("candidates.jsonl", "candidates_round2.jsonl"):
        path = ROOT / "gold" / "meetings" / name
        used |= {json.loads(line)["article_id"] for line in path.open(encoding="utf-8")}
    news = (r for r in click_id_records() if r["news"])
    chosen = sample(candidates(news, "id", FAMILIES_ID, ROUND3, used), QUOTA_ID_3, rng)
    pool = candidates(polnear_records(), "en", FAMILIES_EN, ROUND3, used)
    chosen += sample(pool, QUOTA_EN_3, rng)
    for cand in chosen:
        cand["round"] = 3
        sys.stdout.write(json.dumps(cand, ensure_ascii=False) + "\n")


SEED_4 = 20191204
#: round 4 (a fresh test round): half drawn like round 1, half like round 2
QUOTA_ID_4 = {
    "in_person": 18,
    "visit": 10,
    "talks": 4,
    "summit": 5,
    "phone": 4,
    "virtual": 2,
    "idiom": 2,
    "offtopic": 2,
}
QUOTA_ID_4E = {"in_person": 14, "visit": 8, "talks": 3, "summit": 3, "phone": 3}
QUOTA_EN_4 = {"in_person": 7, "visit": 4, "talks": 2, "summit": 2, "phone": 2, "idiom": 1}
QUOTA_EN_4E = {"in_person": 6, "visit": 3, "talks": 2, "phone": 1}


_ROUND_FILES = (
    "candidates.jsonl",
    "candidates_round2.jsonl",
    "candidates_round3.jsonl",
    "candidates_round4.jsonl",
    "candidates_round5.jsonl",
    "candidates_round6.jsonl",
    "candidates_round7.jsonl",
    "candidates_round8.jsonl",
    "candidates_round9.jsonl",
    "candidates_round10.jsonl",
    "candidates_round11.jsonl",
    "candidates_round12.jsonl",
    "candidates_round13.jsonl",
)


def _used_articles(rounds: int = 3) -> set[tuple[str, str]]:
    """(corpus, title key) of every article of rounds 1 to ``rounds``. Titles, not the
    loader's article ids: row numbering changed with the loader since those rounds were
    drawn."""
    from newsanalysis.evaluate.locate import title_key

    used = set()
    for name in _ROUND_FILES[:rounds]:
        for line in (ROOT / "gold" / "meetings" / name).open(encoding="utf-8"):
            cand = json.loads(line)
            used.add((cand["corpus"], title_key(cand.get("title"))))
    return used


def _fresh_records(records, used: set[tuple[str, str]]) -> list[dict]:
    """The records of no earlier round: their (corpus, title key) is not in ``used``."""
    from newsanalysis.evaluate.locate import title_key

    return [r for r in records if (r["corpus"], title_key(r.get("title"))) not in used]


def main_round4() -> None:
    """A fresh test round (GUIDELINE §9.7): new seed, articles of no earlier round, half
    random trigger sentences (as round 1), half enriched ones (as round 2)."""
    rng = random.Random(SEED_4)
    used = _used_articles()

    click = _fresh_records(click_id_records(), used)
    polnear = _fresh_records(polnear_records(), used)
    chosen = sample(candidates(click, "id", FAMILIES_ID), QUOTA_ID_4, rng)
    taken = {c["article_id"] for c in chosen}
    news = [r for r in click if r["news"] and r["article_id"] not in taken]
    chosen += sample(candidates(news, "id", FAMILIES_ID, _enriched(FAMILIES_ID)), QUOTA_ID_4E, rng)
    english = sample(candidates(polnear, "en", FAMILIES_EN), QUOTA_EN_4, rng)
    taken = {c["article_id"] for c in english}
    rest = [r for r in polnear if r["article_id"] not in taken]
    english += sample(candidates(rest, "en", FAMILIES_EN, _enriched(FAMILIES_EN)), QUOTA_EN_4E, rng)
    for cand in chosen + english:
        cand["round"] = 4
        cand["split"] = "test2"
        sys.stdout.write(json.dumps(cand, ensure_ascii=False) + "\n")


SEED_5 = 20191205
#: round 5 (a second fresh test round), drawn in this order, never two sentences of one
#: article: as round 3 (meeting verb + title or name; PolNeAR train has no unused
#: article left with such a sentence, so Indonesian only), as round 2 (enriched), as
#: round 1 (random by family quota, with idiom and off-topic negatives). The pools of
#: unused articles are small: the quotas take most of the rare families.
QUOTA_ID_5T = {"in_person": 40, "visit": 4, "summit": 1}
QUOTA_ID_5E = {"in_person": 14, "visit": 8, "talks": 3, "summit": 3, "phone": 2}
QUOTA_ID_5 = {
    "in_person": 10,
    "visit": 6,
    "talks": 3,
    "summit": 2,
    "phone": 2,
    "idiom": 2,
    "offtopic": 2,
}
QUOTA_EN_5T = {"in_person": 15, "visit": 3, "talks": 2}
QUOTA_EN_5E = {"in_person": 20, "visit": 10, "talks": 4, "phone": 3}
QUOTA_EN_5 = {"in_person": 6, "visit": 3, "talks": 1, "summit": 1, "phone": 1, "idiom": 1}


def _draw(records, language, families, quotas_by_kind, rng: random.Random) -> list[dict]:
    """Draw by kind in order (``title`` as round 3, ``enriched`` as round 2, ``random``
    as round 1), never two sentences of one article; ``draw`` says which."""
    chosen: list[dict] = []
    for kind, quotas in quotas_by_kind:
        taken = {c["article_id"] for c in chosen}
        rest = [r for r in records if r["article_id"] not in taken]
        if kind == "random":
            pool = candidates(rest, language, families)
        else:
            rest = [r for r in rest if r.get("news", True)]
            selector = _enriched(families) if kind == "enriched" else ROUND3
            pool = candidates(rest, language, families, selector)
        drawn = sample(pool, quotas, rng)
        for cand in drawn:
            cand["draw"] = kind
        chosen += drawn
    return chosen


def main_round5() -> None:
    """A second fresh test round (GUIDELINE §9.8): new seed, articles of no earlier
    round (1-4), drawn as round 3 (meeting verb + title or name), then as round 2
    (enriched), then as round 1 (random by family quota); ``draw`` says which."""
    rng = random.Random(SEED_5)
    used = _used_articles(rounds=4)

    click = _fresh_records(click_id_records(), used)
    polnear = _fresh_records(polnear_records(), used)
    kinds_id = (("title", QUOTA_ID_5T), ("enriched", QUOTA_ID_5E), ("random", QUOTA_ID_5))
    kinds_en = (("title", QUOTA_EN_5T), ("enriched", QUOTA_EN_5E), ("random", QUOTA_EN_5))
    chosen = _draw(click, "id", FAMILIES_ID, kinds_id, rng)
    chosen += _draw(polnear, "en", FAMILIES_EN, kinds_en, rng)
    for cand in chosen:
        cand["round"] = 5
        cand["split"] = "test3"
        sys.stdout.write(json.dumps(cand, ensure_ascii=False) + "\n")


SEED_6 = 20191206
#: round 6 (a third fresh test round), drawn as round 5: title, enriched, random. The
#: pools of unused articles are smaller again; English also draws on PolNeAR dev.
QUOTA_ID_6T = {"in_person": 30, "visit": 4, "talks": 2, "summit": 1, "phone": 1}
QUOTA_ID_6E = {"in_person": 20, "visit": 12, "talks": 3, "summit": 3, "phone": 3}
QUOTA_ID_6 = {
    "in_person": 26,
    "visit": 12,
    "talks": 3,
    "summit": 3,
    "phone": 3,
    "idiom": 2,
    "offtopic": 3,
}
QUOTA_EN_6T = {"in_person": 10, "visit": 3, "talks": 2}
QUOTA_EN_6E = {"in_person": 20, "visit": 9, "talks": 4, "phone": 3, "summit": 2}
QUOTA_EN_6 = {"in_person": 8, "visit": 4, "talks": 2, "summit": 1, "phone": 1, "idiom": 1}


def main_round6() -> None:
    """A third fresh test round (GUIDELINE §9.9): seed 20191206, articles of no earlier
    round (1-5), English from PolNeAR train and dev, drawn as round 5. A gid an earlier
    round already used (for another row: the loader's numbering changed) gets ``#6``."""
    kinds_id = (("title", QUOTA_ID_6T), ("enriched", QUOTA_ID_6E), ("random", QUOTA_ID_6))
    kinds_en = (("title", QUOTA_EN_6T), ("enriched", QUOTA_EN_6E), ("random", QUOTA_EN_6))
    _fresh_round(6, "test4", SEED_6, kinds_id, kinds_en)


def _fresh_round(
    number: int,
    split: str,
    seed: int,
    kinds_id,
    kinds_en,
    extra_id=(),
    test_articles=False,
    unlabelled: tuple[str, ...] | None = None,
) -> None:
    """Print a fresh test round drawn as round 5 (``_draw``) from the articles of no
    earlier round, English from PolNeAR train and dev; ``extra_id`` records (another
    outlet) join the Indonesian pool after the three papers. A gid an earlier round
    already used (for another row: the loader's numbering changed) gets ``#<number>``.
    With ``test_articles`` (rounds 10 to 12) the articles of the judged unlabelled
    samples are left out, the unread paragraphs of test-only gold articles join each pool
    (``_test_article_records``) and every candidate says its ``pool``; from round 11 the
    articles an earlier re-reading round drew (round 10 on) are not re-read again.
    ``unlabelled`` names the judged samples to leave out (``UNLABELLED_SAMPLES`` when
    None: the samples that existed when rounds 10-12 were drawn)."""
    rng = random.Random(seed)
    used = _used_articles(rounds=number - 1)

    click_all = [*click_id_records(), *extra_id]
    polnear_all = [*polnear_records("train"), *polnear_records("dev")]
    click = _fresh_records(click_all, used)
    polnear = _fresh_records(polnear_all, used)
    if test_articles:
        seen = _unlabelled_articles(click_all, unlabelled or UNLABELLED_SAMPLES)
        click = [r for r in click if not _in(r, seen)]
        polnear = [r for r in polnear if not _in(r, seen)]
        # the articles a re-reading round (10 on) drew are read: not drawn again (round 11)
        drawn = _used_articles(rounds=number - 1) - _used_articles(rounds=REREAD_FROM - 1)
        click += [
            r
            for r in _test_article_records(click_all, number)
            if not _in(r, seen) and not _in(r, drawn)
        ]
        polnear += [r for r in _test_article_records(polnear_all, number) if not _in(r, drawn)]
    chosen = _draw(click, "id", FAMILIES_ID, kinds_id, rng)
    chosen += _draw(polnear, "en", FAMILIES_EN, kinds_en, rng)
    rereads = {r["article_id"] for r in [*click, *polnear] if r.get("gold_sentences")}
    taken_gids = set()
    for name in _ROUND_FILES[: number - 1]:
        for line in (ROOT / "gold" / "meetings" / name).open(encoding="utf-8"):
            taken_gids.add(json.loads(line)["gid"])
    for cand in chosen:
        if cand["gid"] in taken_gids:  # the same id named another row in an earlier round
            cand["gid"] += f"#{number}"
        cand["round"] = number
        cand["split"] = split
        if test_articles:
            cand["pool"] = "test_article" if cand["article_id"] in rereads else "fresh"
        sys.stdout.write(json.dumps(cand, ensure_ascii=False) + "\n")


SEED_7 = 20191207
#: round 7 (a fourth fresh test round), drawn as rounds 5 and 6: title, enriched,
#: random; about one third English. The pools of unused articles are nearly empty: no
#: title sentence is left, the English enriched pool holds only ``phone`` sentences
#: (a "called" beside a name), so the English share comes mostly from the random draw.
#: Quotas larger than a pool take what there is.
QUOTA_ID_7T = {"in_person": 30, "visit": 4, "talks": 2, "summit": 1, "phone": 1}
QUOTA_ID_7E = {"in_person": 20, "visit": 12, "talks": 3, "summit": 3, "phone": 3}
QUOTA_ID_7 = {
    "in_person": 24,
    "visit": 10,
    "talks": 3,
    "summit": 2,
    "phone": 2,
    "idiom": 2,
    "offtopic": 2,
}
QUOTA_EN_7T = {"in_person": 10, "visit": 3, "talks": 2}
QUOTA_EN_7E = {"in_person": 14, "visit": 7, "talks": 3, "phone": 12, "summit": 1}
QUOTA_EN_7 = {"in_person": 12, "visit": 6, "talks": 3, "summit": 2, "phone": 3, "idiom": 1}


def main_round7() -> None:
    """A fourth fresh test round (GUIDELINE §9.10): seed 20191207, articles of no
    earlier round (1-6), English from PolNeAR train and dev, drawn as rounds 5 and 6."""
    kinds_id = (("title", QUOTA_ID_7T), ("enriched", QUOTA_ID_7E), ("random", QUOTA_ID_7))
    kinds_en = (("title", QUOTA_EN_7T), ("enriched", QUOTA_EN_7E), ("random", QUOTA_EN_7))
    _fresh_round(7, "test5", SEED_7, kinds_id, kinds_en)


SEED_8 = 20191208
#: round 8 (a fifth fresh test round): Indonesian only (the English pools are used up),
#: about 60% enriched and 40% random so that enough sentences carry a meeting; no title
#: draw (round 7 found no title sentence left), no idiom quota (no unused idiom
#: sentence). The unused enriched pool of kompas, okezone and sindonews holds only
#: about 47 sentences, so tribunnews (the fourth CLICK-ID outlet) joins the pool.
#: Quotas larger than a pool take what there is.
QUOTA_ID_8E = {"in_person": 54, "visit": 26, "talks": 5, "summit": 3, "phone": 2}
QUOTA_ID_8 = {"in_person": 32, "visit": 12, "talks": 5, "summit": 3, "phone": 4, "offtopic": 4}
#: news sections of tribunnews (the rest feeds the ``offtopic`` negatives)
TRIBUNNEWS_NEWS_SECTIONS = {"Nasional", "Regional", "Internasional", "Metropolitan", "Bisnis"}


def tribunnews_records():
    """The articles of CLICK-ID tribunnews.csv (one sheet, no clickbait labels), as
    ``click_id_records`` gives them."""
    corpus = na.load(SHARED / "corpus" / "click-id" / "tribunnews.csv")
    for rec in corpus.articles.to_dict("records"):
        yield {
            "article_id": rec["article_id"],
            "corpus": "click-id/tribunnews.csv",
            "row": int(str(rec["path"]).rsplit("row ", 1)[1]),
            "published": None if pd.isna(rec["published"]) else str(rec["published"].date()),
            "title": rec["title"],
            "text": rec["text"],
            "news": rec.get("category") in TRIBUNNEWS_NEWS_SECTIONS,
        }


def main_round8() -> None:
    """A fifth fresh test round (GUIDELINE §9.11): seed 20191208, articles of no earlier
    round (1-7), Indonesian only (kompas, okezone, sindonews and tribunnews), drawn
    enriched then random."""
    kinds_id = (("enriched", QUOTA_ID_8E), ("random", QUOTA_ID_8))
    _fresh_round(8, "test6", SEED_8, kinds_id, (), extra_id=tribunnews_records())


SEED_9 = 20191209
#: round 9 (a sixth fresh test round), drawn as round 8: Indonesian only, enriched then
#: random, from the unused articles of the four CLICK-ID outlets. The enriched quotas ask
#: for about 60% of 130, but the unused enriched pool holds only 13 sentences (all
#: in_person), so the random quotas are raised to keep about 130 candidates. Quotas
#: larger than a pool take what there is.
QUOTA_ID_9E = {"in_person": 48, "visit": 22, "talks": 4, "summit": 2, "phone": 2}
QUOTA_ID_9 = {"in_person": 62, "visit": 28, "talks": 8, "summit": 5, "phone": 8, "offtopic": 6}


def main_round9() -> None:
    """A sixth fresh test round (GUIDELINE §9.12): seed 20191209, articles of no earlier
    round (1-8), Indonesian only (kompas, okezone, sindonews and tribunnews), drawn
    enriched then random."""
    kinds_id = (("enriched", QUOTA_ID_9E), ("random", QUOTA_ID_9))
    _fresh_round(9, "test7", SEED_9, kinds_id, (), extra_id=tribunnews_records())


SEED_10 = 20191210
#: the first round that re-read test articles (pool B); later rounds skip its articles
REREAD_FROM = 10
#: splits of the test rounds whose articles may be read again (rounds 10 to 12; an
#: article with a record of another split, ``dev``, ``test8`` or ``test9``, is not)
TEST_SPLITS = {"test", "test2", "test3", "test4", "test5", "test6", "test7"}
#: articles of the judged unlabelled samples that GUIDELINE §9.12 names (matched by id)
UNLABELLED_IDS = {"okezone:706", "sindonews:3221", "okezone:4497", "sindonews:2623"}
#: the judged unlabelled samples of ``gold/meetings/unlabelled/`` that existed when rounds
#: 10-12 were drawn: a sample judged later must not change what they draw
UNLABELLED_SAMPLES = (
    "fresh_seed23_round5.csv",
    "fresh_seed7_after.csv",
    "fresh_seed7_before.csv",
    "fresh_seed7_round4_after.csv",
    "fresh_seed7_round4_before.csv",
    "new_rows_judged.csv",
    "seed99_after.csv",
    "seed99_before.csv",
    "seed99_round4_after.csv",
    "seed99_round4_before.csv",
)
#: round 10 (a seventh fresh test round): title, enriched, random as round 7, both
#: languages. Pool A, unused articles, is nearly empty, so pool B, the unread paragraphs
#: of the articles used only by test rounds, joins it. Quotas larger than a pool take
#: what there is.
QUOTA_ID_10T = {"in_person": 20, "visit": 4, "talks": 2, "summit": 1, "phone": 1}
QUOTA_ID_10E = {"in_person": 24, "visit": 12, "talks": 3, "summit": 2, "phone": 2}
QUOTA_ID_10 = {
    "in_person": 16,
    "visit": 8,
    "talks": 3,
    "summit": 2,
    "phone": 2,
    "idiom": 1,
    "offtopic": 4,
}
QUOTA_EN_10T = {"in_person": 8, "visit": 2, "talks": 2}
QUOTA_EN_10E = {"in_person": 12, "visit": 5, "talks": 3, "phone": 2, "summit": 1}
QUOTA_EN_10 = {"in_person": 10, "visit": 5, "talks": 2, "summit": 1, "phone": 1, "idiom": 1}


def _in(rec: dict, keys: set[tuple[str, str]]) -> bool:
    """Whether ``rec`` is one of ``keys``: by ``("id", article_id)`` or by
    ``(corpus, title key)`` (an empty title matches nothing)."""
    from newsanalysis.evaluate.locate import title_key

    title = title_key(rec.get("title"))
    return ("id", rec["article_id"]) in keys or bool(title) and (rec["corpus"], title) in keys


def _unlabelled_articles(
    records: list[dict], samples: tuple[str, ...] = UNLABELLED_SAMPLES
) -> set[tuple[str, str]]:
    """``("id", article_id)`` and ``(corpus, title key)`` of every article of the judged
    unlabelled samples ``samples`` (GUIDELINE §9.12, §9.16): their
    extractor rows were read while writing rules, so a blind round skips them."""
    from newsanalysis.evaluate.locate import title_key

    ids = set(UNLABELLED_IDS)
    for name in samples:
        path = ROOT / "gold" / "meetings" / "unlabelled" / name
        ids |= set(pd.read_csv(path, dtype=str)["article_id"].dropna())
    seen = {("id", i) for i in ids}
    for rec in records:
        if rec["article_id"] in ids and title_key(rec.get("title")):
            seen.add((rec["corpus"], title_key(rec.get("title"))))
    return seen


def _test_article_records(records: list[dict], before_round: int) -> list[dict]:
    """The records of the articles whose gold sentences of rounds before ``before_round``
    are all in test splits (no ``dev`` record), each with ``gold_sentences``: the
    paragraphs that hold them have been read and are not drawn again
    (``_unread_sentences``). A gold record is matched to an article by corpus and title
    key, and its sentence must locate in the text. Later rounds' records are ignored, so
    that the draw reproduces once its own round is in the gold."""
    from newsanalysis.evaluate.locate import locate_sentence, title_key

    by_title: dict[tuple[str, str], list[dict]] = {}
    for rec in records:
        by_title.setdefault((rec["corpus"], title_key(rec.get("title"))), []).append(rec)
    splits: dict[str, set[str]] = {}
    sentences: dict[str, list[str]] = {}
    for line in (ROOT / "gold" / "meetings" / "gold.jsonl").open(encoding="utf-8"):
        gold = json.loads(line)
        if gold["round"] >= before_round:
            continue
        key = (gold["corpus"], title_key(gold.get("title")))
        for rec in by_title.get(key, []) if key[1] else []:
            text = clean_text(rec["text"] or "").text
            if locate_sentence(text, gold["sentence"]) is not None:
                splits.setdefault(rec["article_id"], set()).add(gold["split"])
                sentences.setdefault(rec["article_id"], []).append(gold["sentence"])
                break
    chosen = []
    for rec in records:
        found = splits.get(rec["article_id"])
        if found and found <= TEST_SPLITS:
            chosen.append({**rec, "gold_sentences": sentences[rec["article_id"]]})
    return chosen


def main_round10() -> None:
    """A seventh fresh test round (GUIDELINE §9.13): seed 20191210, both languages,
    drawn title, enriched, random from pool A (articles of no round 1-9) and pool B
    (the unread paragraphs of articles used only by test rounds), none of the judged
    unlabelled samples."""
    _pool_b_round(10, "test8", SEED_10, QUOTA_ID_10, QUOTA_EN_10)


def _pool_b_round(
    number: int,
    split: str,
    seed: int,
    random_id: dict,
    random_en: dict,
    unlabelled: tuple[str, ...] = UNLABELLED_SAMPLES,
) -> None:
    """A round drawn from pools A and B (rounds 10-13): round 10's title and enriched
    quotas, then the round's own random quotas; ``unlabelled`` names the judged samples
    whose articles both pools leave out."""
    kinds_id = (("title", QUOTA_ID_10T), ("enriched", QUOTA_ID_10E), ("random", random_id))
    kinds_en = (("title", QUOTA_EN_10T), ("enriched", QUOTA_EN_10E), ("random", random_en))
    extra_id = tribunnews_records()
    _fresh_round(number, split, seed, kinds_id, kinds_en, extra_id, True, unlabelled)


SEED_11 = 20191211


#: round 11: the title and enriched quotas of round 10; those pools now hold only about
#: 20 sentences (round 10 read most of them), so, as in round 9, the random quotas are
#: raised to keep about 150 candidates, about one third English.
QUOTA_ID_11 = {
    "in_person": 40,
    "visit": 18,
    "talks": 8,
    "summit": 3,
    "phone": 6,
    "idiom": 1,
    "offtopic": 8,
}
QUOTA_EN_11 = {"in_person": 22, "visit": 10, "talks": 6, "summit": 3, "phone": 4, "idiom": 1}


def main_round11() -> None:
    """An eighth fresh test round (GUIDELINE §9.14): seed 20191211, drawn as round 10
    (title, enriched, random from pools A and B) now that round 10 (test8) is
    development data: pool A the articles of no round 1-10, pool B the unread paragraphs
    of articles used only by the test splits of rounds 1-9, without the articles round 10
    drew; random quotas raised (``QUOTA_ID_11``, ``QUOTA_EN_11``)."""
    _pool_b_round(11, "test9", SEED_11, QUOTA_ID_11, QUOTA_EN_11)


SEED_12 = 20191212
#: round 12: the title and enriched quotas of round 10; those pools now hold 4 sentences
#: (rounds 10 and 11 read the rest), and round 11's random quotas give only 127
#: candidates, so, as in round 11, the random quotas are raised to keep about 150, about
#: one third English.
QUOTA_ID_12 = {
    "in_person": 50,
    "visit": 22,
    "talks": 10,
    "summit": 3,
    "phone": 8,
    "idiom": 1,
    "offtopic": 8,
}
QUOTA_EN_12 = {"in_person": 25, "visit": 12, "talks": 6, "summit": 3, "phone": 4, "idiom": 1}


def main_round12() -> None:
    """A ninth fresh test round (GUIDELINE §9.15): seed 20191212, drawn as round 11
    (title, enriched, random from pools A and B; random quotas raised again,
    ``QUOTA_ID_12``, ``QUOTA_EN_12``) now that rounds 10 and 11 (test8, test9) are
    development data: pool A the articles of no round 1-11, pool B the unread paragraphs
    of articles used only by the test splits of rounds 1-9, without the articles rounds
    10 and 11 drew."""
    _pool_b_round(12, "test10", SEED_12, QUOTA_ID_12, QUOTA_EN_12)


SEED_13 = 20191213
#: round 13 excludes, besides the samples of rounds 10-12, the sample judged after
#: round 12 was drawn (GUIDELINE §9.16)
UNLABELLED_SAMPLES_13 = (*UNLABELLED_SAMPLES, "fresh_seed41_round6.csv")
#: round 13: the title and enriched quotas of round 10 (their pools now hold only
#: English "called" phone sentences), then random quotas raised to give about 180
#: candidates, about one third English (GUIDELINE §9.16). The pools hold few visit,
#: summit and idiom sentences (Indonesian visit 8, English visit 5, talks 9, in_person
#: 33, no summit or idiom), so Indonesian in_person takes the larger share and the
#: English quotas take nearly all there is.
QUOTA_ID_13 = {
    "in_person": 80,
    "visit": 10,
    "talks": 16,
    "summit": 3,
    "phone": 10,
    "idiom": 1,
    "offtopic": 8,
}
QUOTA_EN_13 = {"in_person": 35, "visit": 6, "talks": 10, "summit": 3, "phone": 8, "idiom": 1}


def main_round13() -> None:
    """A tenth fresh test round (GUIDELINE §9.16): seed 20191213, drawn as round 12
    (title, enriched, random from pools A and B; random quotas raised, ``QUOTA_ID_13``,
    ``QUOTA_EN_13``) now that rounds 10-12 (test8, test9, test10) are development data:
    pool A the articles of no round 1-12, pool B the unread paragraphs of articles used
    only by the test splits of rounds 1-9, without the articles rounds 10-12 drew; both
    without the articles of the judged unlabelled samples, the seed-41 sample included."""
    _pool_b_round(13, "test11", SEED_13, QUOTA_ID_13, QUOTA_EN_13, UNLABELLED_SAMPLES_13)


SEED_14 = 20191214
#: round 14: the title and enriched quotas of round 10 (their pools hold only English
#: "called" phone sentences), then random quotas for about 180 candidates, about one
#: third English (GUIDELINE §9.17). Before the draw the random pools hold Indonesian
#: in_person 90, talks 23, phone 64 and off-topic sentences, no visit, summit or idiom
#: one, and English phone sentences only (204 articles): so Indonesian in_person takes
#: its whole pool and the English share is phone (mostly "called" = named) sentences.
QUOTA_ID_14 = {
    "in_person": 90,
    "visit": 10,
    "talks": 16,
    "summit": 3,
    "phone": 12,
    "idiom": 1,
    "offtopic": 8,
}
QUOTA_EN_14 = {"in_person": 35, "visit": 6, "talks": 10, "summit": 3, "phone": 54, "idiom": 1}


def main_round14() -> None:
    """An eleventh fresh test round (GUIDELINE §9.17): seed 20191214, drawn as round 13
    (title, enriched, random from pools A and B; ``QUOTA_ID_14``, ``QUOTA_EN_14``) now
    that rounds 10-13 (test8 … test11) are development data: pool A the articles of no
    round 1-13, pool B the unread paragraphs of articles used only by the test splits of
    rounds 1-9, without the articles rounds 10-13 drew; both without the articles of the
    judged unlabelled samples (``UNLABELLED_SAMPLES_13``: no sample was judged since)."""
    _pool_b_round(14, "test12", SEED_14, QUOTA_ID_14, QUOTA_EN_14, UNLABELLED_SAMPLES_13)


SEED_15 = 20191215
#: round 15 (GUIDELINE §9.18): the CLICK-ID and PolNeAR pools are used up, so the round
#: reads two sources no round has read: every trigger sentence of PFSA-ID (Kompas,
#: Indonesian) and a random draw by family from NewsMTSC train (English sentences with no
#: article). About 80 English sentences; the "called" sentences filed under ``phone`` are
#: kept to a fifth so that the draw holds meetings.
QUOTA_EN_15 = {"in_person": 35, "visit": 12, "talks": 12, "summit": 6, "phone": 15}


def pfsa_records():
    """The articles of PFSA-ID dev-20 (``eval/pfsa-id``, CC BY-NC-SA, evaluation only),
    rebuilt from their tokens by ``quotes_pfsa.load``; ``row`` is the article's index.
    The data give no title and no publication date (the Kompas datelines name a city
    only)."""
    from newsanalysis.evaluate.quotes_pfsa import load

    for article in load(str(SHARED)):
        yield {
            "article_id": f"pfsa:{article.index}",
            "corpus": "pfsa-id/dev-20",
            "row": article.index,
            "published": None,
            "title": None,
            "text": article.text,
        }


def newsmtsc_records():
    """The sentences of NewsMTSC train (``eval/sentiment/newsmtsc``, MIT), each its own
    article: no title, no date, no context."""
    path = SHARED / "eval" / "sentiment" / "newsmtsc" / "train.jsonl"
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            yield {
                "article_id": f"newsmtsc:{record['primary_gid']}",
                "corpus": "newsmtsc/train",
                "published": None,
                "title": None,
                "text": record["sentence_normalized"],
            }


def main_round15() -> None:
    """A twelfth fresh test round (GUIDELINE §9.18): seed 20191215, from text no round
    has read: **every** sentence of PFSA-ID dev-20 that an Indonesian trigger family
    matches (``draw: "all"``, several per article) and a random draw by family quota from
    NewsMTSC train (``QUOTA_EN_15``, ``draw: "random"``). PFSA-ID is non-commercial
    evaluation data: a candidate keeps the sentence and its offset, never its context."""
    rng = random.Random(SEED_15)
    chosen = []
    for _, cand in candidates(pfsa_records(), "id", FAMILIES_ID):
        cand["context"] = None  # PFSA-ID text is not copied into the repository
        cand["draw"] = "all"
        chosen.append(cand)
    english = sample(candidates(newsmtsc_records(), "en", FAMILIES_EN), QUOTA_EN_15, rng)
    for cand in english:
        cand["draw"] = "random"
    for cand in chosen + english:
        cand["round"] = 15
        cand["split"] = "test13"
        sys.stdout.write(json.dumps(cand, ensure_ascii=False) + "\n")


SEED_16 = 20191216
#: round 16 (GUIDELINE §9.19): about 100 NewsMTSC sentences (none round 15 drew), phone
#: ("called" = named, mostly) again kept to about a sixth so that the draw holds meetings.
QUOTA_EN_16 = {"in_person": 45, "visit": 15, "talks": 15, "summit": 8, "phone": 17}


def idner_records():
    """The sentences of idNER-news-2k (``eval/ner/idner-news-2k``, MIT), train then dev,
    each its own record: no title, no date, no article (``row`` = index in its file)."""
    from newsanalysis.evaluate.meetings import idner_sentences

    for article_id, text in idner_sentences(SHARED).items():
        _, name, index = article_id.split(":")
        yield {
            "article_id": article_id,
            "corpus": f"idner/{name}",
            "row": int(index),
            "published": None,
            "title": None,
            "text": text,
        }


def _drawn_ids(*rounds: int) -> set[str]:
    """The article ids the candidates files of these rounds hold (records with no title,
    like NewsMTSC's, cannot be told apart by title as ``_used_articles`` does)."""
    drawn: set[str] = set()
    for number in rounds:
        path = ROOT / "gold" / "meetings" / f"candidates_round{number}.jsonl"
        with path.open(encoding="utf-8") as handle:
            drawn |= {json.loads(line)["article_id"] for line in handle if line.strip()}
    return drawn


def main_round16() -> None:
    """A thirteenth fresh test round (GUIDELINE §9.19): seed 20191216, from text no round
    has read: **every** idNER sentence that an Indonesian trigger family matches (``draw:
    "all"``) and a random draw by family quota from the NewsMTSC train sentences round 15
    did not draw (``QUOTA_EN_16``, ``draw: "random"``)."""
    rng = random.Random(SEED_16)
    chosen = []
    for _, cand in candidates(idner_records(), "id", FAMILIES_ID):
        cand["draw"] = "all"
        chosen.append(cand)
    pool = candidates(newsmtsc_records(), "en", FAMILIES_EN, skip=_drawn_ids(15))
    english = sample(pool, QUOTA_EN_16, rng)
    for cand in english:
        cand["draw"] = "random"
    for cand in chosen + english:
        cand["round"] = 16
        cand["split"] = "test14"
        sys.stdout.write(json.dumps(cand, ensure_ascii=False) + "\n")


SEED_17 = 20191217
#: round 17 (GUIDELINE §9.20): about 120 NewsMTSC sentences (none rounds 15-16 drew); the
#: pool held 75 in_person, 30 visit, 36 talks, 14 summit and 194 phone records, phone
#: ("called" = named, mostly) again kept to about a fifth so that the draw holds meetings.
QUOTA_EN_17 = {"in_person": 50, "visit": 18, "talks": 18, "summit": 10, "phone": 24}


def main_round17() -> None:
    """A fourteenth fresh test round (GUIDELINE §9.20): seed 20191217, NewsMTSC only: a
    random draw by family quota (``QUOTA_EN_17``, ``draw: "random"``) from the train
    sentences rounds 15 and 16 did not draw (read from their candidates files)."""
    rng = random.Random(SEED_17)
    pool = candidates(newsmtsc_records(), "en", FAMILIES_EN, skip=_drawn_ids(15, 16))
    for cand in sample(pool, QUOTA_EN_17, rng):
        cand["draw"] = "random"
        cand["round"] = 17
        cand["split"] = "test15"
        sys.stdout.write(json.dumps(cand, ensure_ascii=False) + "\n")


SEED_18 = 20191218
#: round 18 (GUIDELINE §9.21): the NewsMTSC train records rounds 15-17 did not draw hold
#: 24 in_person, 12 visit, 18 talks, 3 summit and 169 phone sentences: every one of the
#: four meeting families is drawn, and 20 phone ones (``called`` = named, mostly).
QUOTA_EN_18 = {"in_person": 24, "visit": 12, "talks": 18, "summit": 3, "phone": 20}


def main_round18() -> None:
    """A fifteenth fresh test round (GUIDELINE §9.21): seed 20191218, NewsMTSC only:
    **every** train sentence of the in_person, visit, talks and summit families that rounds
    15-17 did not draw (read from their candidates files) and 20 phone ones at random
    (``QUOTA_EN_18``, ``draw: "random"``)."""
    rng = random.Random(SEED_18)
    pool = list(candidates(newsmtsc_records(), "en", FAMILIES_EN, skip=_drawn_ids(15, 16, 17)))
    sizes = {family: sum(1 for f, _ in pool if f == family) for family in QUOTA_EN_18}
    for family in ("in_person", "visit", "talks", "summit"):
        if sizes[family] != QUOTA_EN_18[family]:
            sys.exit(f"round 18: the {family} pool holds {sizes[family]}, not every one drawn")
    for cand in sample(pool, QUOTA_EN_18, rng):
        cand["draw"] = "random"
        cand["round"] = 18
        cand["split"] = "test16"
        sys.stdout.write(json.dumps(cand, ensure_ascii=False) + "\n")


#: round number (as ``--round`` gives it) -> the function that prints its candidates
ROUNDS = {
    "1": main_round1,
    "2": main_round2,
    "3": main_round3,
    "4": main_round4,
    "5": main_round5,
    "6": main_round6,
    "7": main_round7,
    "8": main_round8,
    "9": main_round9,
    "10": main_round10,
    "11": main_round11,
    "12": main_round12,
    "13": main_round13,
    "14": main_round14,
    "15": main_round15,
    "16": main_round16,
    "17": main_round17,
    "18": main_round18,
}


if __name__ == "__main__":
    main()
