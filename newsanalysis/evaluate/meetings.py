"""Score the meetings extractor against the dev gold (``gold/meetings/gold.jsonl``).

    python -m newsanalysis.evaluate.meetings [--split dev|test|test2..test16|all] [--errors]

Each gold record is one sentence of a CLICK-ID, PolNeAR or PFSA-ID article or one
NewsMTSC or idNER sentence (read from ``../shared`` at run time; nothing is copied) with the events
annotated in it following ``gold/meetings/GUIDELINE.md``. The article is found by corpus,
title and row (not by the loader's article id; PFSA-ID by its index, NewsMTSC by its
sentence id, idNER by its file and index), the whole article goes through the pipeline (``process_article``:
clean, actors, dates, meetings), the gold sentence is located in the cleaned text by a
normalised match with a fuzzy fallback (:mod:`.locate`: whitespace, quote styles,
mojibake and offsets do not matter), and the system events whose clause starts inside
it are compared with the gold events. A gold sentence that cannot be located is
reported and its events count as misses.

Printed figures:

- precision / recall / F1 of **happened + planned** events: a system event is right when
  its participants match the gold participants (every required gold participant found,
  no participant the gold does not list) and its status is the gold status;
- date accuracy and mode accuracy over the events matched above (a date is right at the
  gold precision; an undated gold event needs an undated system event);
- the **false-happened rate**: the share of gold negated / hypothetical / cancelled (and
  refused / requested) events that the system reports as happened with the same
  participants (the bar is fewer than 1 in 20);
- system happened/planned events in sentences that hold no event, by the reason the
  annotator gave (idiom, press formula, domestic visit, ...).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from datetime import date
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from . import prf, shared_dir
from .locate import locate_sentence, title_key

GOLD = Path(__file__).resolve().parents[2] / "gold" / "meetings" / "gold.jsonl"
COUNTED = ("happened", "planned")
NOT_HAPPENED = ("negated", "hypothetical", "cancelled", "refused", "requested")
BAR_STATUSES = ("negated", "hypothetical", "cancelled")


# --------------------------------------------------------------------------- names


def norm_name(name: str) -> str:
    """Lower case, no accents, no punctuation, single spaces."""
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text)).strip()


def name_matches(system: str, gold: str) -> bool:
    """Does a system participant name match a gold participant ("A|B" alternatives)?

    Equal after normalisation, or one is the other plus or minus whole words
    ("Joko Widodo" / "Presiden Joko Widodo"), or spelling variants of a long name
    (similarity >= 0.9: "Mohammad bin Salman" / "Mohammed bin Salman").
    """
    s = norm_name(system)
    if not s:
        return False
    for alternative in gold.lstrip("?").split("|"):
        g = norm_name(alternative)
        if not g:
            continue
        if s == g or f" {g} " in f" {s} " or f" {s} " in f" {g} ":
            return True
        if len(g) > 7 and SequenceMatcher(None, s, g).ratio() >= 0.9:
            return True  # transliteration variants: Mohammad/Mohammed, Zelensky/Zelenskyy
    return False


def participants_match(
    system: list[str], gold: list[str], aliases: list[list[str]] | None = None
) -> bool:
    """Every required gold participant is found and every system participant is in gold.

    ``aliases`` (parallel to ``system``) are other names of each system actor (its
    knowledge-base aliases: "PDIP" for "Partai Demokrasi Indonesia Perjuangan"); they
    match a gold alternative only when equal after normalisation.
    """
    names = [
        [s, *(aliases[i] if aliases and i < len(aliases) else [])] for i, s in enumerate(system)
    ]

    def same(i: int, g: str) -> bool:
        if name_matches(names[i][0], g):
            return True
        wanted = {norm_name(a) for a in g.lstrip("?").split("|")}
        return any(norm_name(a) in wanted for a in names[i][1:])

    required = [g for g in gold if not g.startswith("?")]
    if not all(any(same(i, g) for i in range(len(names))) for g in required):
        return False
    return all(any(same(i, g) for g in gold) for i in range(len(names)))


# --------------------------------------------------------------------------- dates


def _as_date(value) -> date | None:
    if value is None:
        return None
    try:
        import pandas as pd

        if pd.isna(value):
            return None
        return pd.Timestamp(value).date()
    except (TypeError, ValueError):
        return None


def _truncate(d: date, precision: str) -> str:
    iso = d.isoformat()
    return {"day": iso, "month": iso[:7], "year": iso[:4]}.get(precision, iso)


def date_right(system: dict[str, Any], gold: dict[str, Any]) -> bool:
    """The system date equals the gold date at the gold precision."""
    start = _as_date(system.get("date_start"))
    if gold.get("date_start") is None:
        return start is None
    precision = gold["precision"]
    if start is None or system.get("date_precision") != precision:
        return False
    if _truncate(start, precision) != gold["date_start"]:
        return False
    end = _as_date(system.get("date_end")) or start
    gold_end = gold.get("date_end") or gold["date_start"]
    return _truncate(end, precision) == gold_end


# --------------------------------------------------------------------------- running


def load_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _row_number(record: dict[str, Any]) -> int | None:
    """The spreadsheet row of a loaded article (its ``path`` ends with ``row N``)."""
    path = str(record.get("path") or "")
    tail = path.rsplit("row ", 1)
    return int(tail[1]) if len(tail) == 2 and tail[1].isdigit() else None


def _candidates(g: dict[str, Any], frame, by_title: dict[str, list[int]]) -> list[int]:
    """Positions in ``frame`` that may hold the article of gold record ``g``: the rows
    with its title (nearest to its row first), then the rows around its row."""
    row = g.get("row")
    near = row if isinstance(row, int) else 0
    titled = sorted(by_title.get(title_key(g.get("title")), []), key=lambda i: abs(i - near))
    around: list[int] = []
    if isinstance(row, int):
        for delta in (0, 1, -1, 2, -2, 3, -3):
            around.extend(frame.index[frame["__row"] == row + delta].tolist())
    return list(dict.fromkeys(titled + around))


def article_key(g: dict[str, Any]) -> str:
    """The article a gold record comes from: its article id when it was drawn and its
    title (ids of different rounds may name different rows)."""
    return f"{g['article_id']}|{title_key(g.get('title'))}"


def find_articles(gold: list[dict[str, Any]], shared: Path) -> dict[str, dict[str, Any]]:
    """``article_key`` -> the article record (as ``load`` makes it) holding its sentences.

    Articles are found by corpus, title and row, not by the loader's ``article_id``
    (row numbering changes with the loader): among the rows with the gold title (or near
    the gold row) the first whose cleaned text holds the gold sentence wins; without
    such a row, the row with the gold title nearest the gold row (its sentences will
    then be reported as not found).
    """
    import warnings

    import pandas as pd

    from ..clean import clean_text
    from ..load import load

    out: dict[str, dict[str, Any]] = {}
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in gold:
        by_article[article_key(g)].append(g)
    for name in sorted({g["corpus"] for g in gold if g["corpus"].startswith("click-id/")}):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # other sheets of the workbook are not needed
            frame = load(shared / "corpus" / name).articles.reset_index(drop=True)
        frame["__row"] = [_row_number(r) for r in frame[["path"]].to_dict("records")]
        by_title: dict[str, list[int]] = defaultdict(list)
        for i, title in enumerate(frame["title"].tolist()):
            by_title[title_key(title)].append(i)
        for article_id, items in by_article.items():
            if items[0]["corpus"] != name:
                continue
            positions = _candidates(items[0], frame, by_title)
            chosen = None
            for i in positions:
                text = clean_text(frame.at[i, "text"] or "").text
                if any(locate_sentence(text, g["sentence"]) for g in items):
                    chosen = i
                    break
            if chosen is None and positions:
                chosen = positions[0]
            if chosen is not None:
                record = frame.loc[chosen].to_dict()
                record.pop("__row", None)
                out[article_id] = record
    for g in gold:
        if g["corpus"].startswith("polnear/") and article_key(g) not in out:
            path = shared / "eval" / "polnear" / g["file"]
            out[article_key(g)] = {
                "article_id": g["article_id"],
                "text": path.read_text(encoding="utf-8"),
                "published": pd.Timestamp(g["published"]),
                "language": "en",
                "title": g.get("title"),
            }
    out.update(_sentence_source_articles(gold, shared, set(out)))
    return out


def _sentence_source_articles(
    gold: list[dict[str, Any]], shared: Path, done: set[str]
) -> dict[str, dict[str, Any]]:
    """The records of the round-15 and round-16 sources (GUIDELINE §9.18, §9.19), read
    from ``../shared``: a PFSA-ID article (``row`` = its index in
    ``eval/pfsa-id/dev-20.txt``) as ``quotes_pfsa`` rebuilds its text, a NewsMTSC train
    sentence (``article_id`` ``newsmtsc:<primary_gid>``) as its own article, and an idNER
    sentence (``article_id`` ``idner:<file>:<index>``) as its own article, rebuilt by
    :func:`idner_sentences`. None has a title; the gold's ``published`` is usually null
    (``NaT``)."""
    import pandas as pd

    wanted = [g for g in gold if article_key(g) not in done]
    pfsa: dict[int, str] = {}
    if any(g["corpus"].startswith("pfsa-id/") for g in wanted):
        from .quotes_pfsa import load as load_pfsa

        pfsa = {article.index: article.text for article in load_pfsa(str(shared))}
    sentences: dict[str, str] = {}
    if any(g["corpus"].startswith("newsmtsc/") for g in wanted):
        path = shared / "eval" / "sentiment" / "newsmtsc" / "train.jsonl"
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                sentences[f"newsmtsc:{record['primary_gid']}"] = record["sentence_normalized"]
    idner: dict[str, str] = {}
    if any(g["corpus"].startswith("idner/") for g in wanted):
        idner = idner_sentences(shared)
    out: dict[str, dict[str, Any]] = {}
    for g in wanted:
        if g["corpus"].startswith("pfsa-id/") and g.get("row") in pfsa:
            text, language = pfsa[g["row"]], "id"
        elif g["corpus"].startswith("newsmtsc/") and g["article_id"] in sentences:
            text, language = sentences[g["article_id"]], "en"
        elif g["corpus"].startswith("idner/") and g["article_id"] in idner:
            text, language = idner[g["article_id"]], "id"
        else:
            continue
        out[article_key(g)] = {
            "article_id": g["article_id"],
            "text": text,
            "published": pd.Timestamp(g["published"]) if g.get("published") else pd.NaT,
            "language": language,
            "title": None,
        }
    return out


IDNER_FILES = ("train", "dev")


def idner_sentences(shared: Path) -> dict[str, str]:
    """``idner:<file>:<index>`` -> the text of that sentence of idNER-news-2k
    (``eval/ner/idner-news-2k/<file>.txt``, MIT; ``index`` from 0 in the file), read by the
    NER scorer's reader and detokenised as ``quotes_pfsa`` rebuilds PFSA-ID (no space
    before ``, . ; : ? !`` or after ``(``), so the text reads like running news."""
    from .ner import read_conll
    from .quotes_pfsa import Article, Token, rebuild_text

    out: dict[str, str] = {}
    for name in IDNER_FILES:
        path = Path(shared) / "eval" / "ner" / "idner-news-2k" / f"{name}.txt"
        for index, sentence in enumerate(read_conll(path)):
            article = Article(index, [Token(token, "O", 0) for token in sentence.tokens])
            rebuild_text(article)
            out[f"idner:{name}:{index}"] = article.text
    return out


def run_system(gold: list[dict[str, Any]], shared: Path) -> dict[str, tuple[str, list[dict]]]:
    """``article_key`` -> (cleaned text, meeting rows) from the pipeline."""
    from ..pipeline import Settings, process_article

    settings = Settings()
    out = {}
    for article_id, record in find_articles(gold, shared).items():
        result = process_article(record, settings)
        known = {a.actor_id: [a.name, *a.aliases] for a in result["actors"]}
        for row in result["meetings"]:
            row["_aliases"] = [known.get(pid, []) for pid in row["participant_ids"]]
        out[article_id] = (result["articles"][0]["text"], result["meetings"])
    return out


def locate_gold(text: str, g: dict[str, Any]) -> tuple[int, int, str] | None:
    """Where gold record ``g``'s sentence is in the cleaned ``text`` (see :mod:`.locate`)."""
    return locate_sentence(text, g["sentence"])


def _in_sentence(row: dict[str, Any], span: tuple[int, int, str]) -> bool:
    """Does a system row belong to the gold sentence at ``span``? Its clause starts in
    the sentence, or starts before and reaches into it (sentences cut differently)."""
    start, end = int(row["start"]), int(row["end"])
    return span[0] <= start < span[1] or start < span[0] < end


def _restated_in(row: dict[str, Any], span: tuple[int, int, str]) -> bool:
    """Was the event of ``row`` told again in the gold sentence at ``span`` (a retelling
    the extractor merged into the row told first)?"""
    told = [part.split(":") for part in (row.get("restated_at") or "").split(";") if part]
    return any(_in_sentence({"start": a, "end": b}, span) for a, b in told)


def score(gold: list[dict[str, Any]], system: dict[str, tuple[str, list[dict]]]) -> dict:
    """Counts and error lists for ``gold`` records against ``system`` output."""
    tp = fp = fn = 0
    dates = modes = matched = 0
    bar_total = bar_happened = other_total = other_happened = 0
    noise = Counter()
    errors: list[str] = []
    unlocated = 0
    located: Counter = Counter()
    for g in gold:
        text, rows = system.get(article_key(g), ("", []))
        span = locate_gold(text, g)
        if span is None:
            # a gold sentence that cannot be found is a miss, never silently dropped
            unlocated += 1
            missed = [e for e in g["events"] if e["status"] in COUNTED]
            fn += len(missed)
            errors.append(f"UNLOCATED {g['gid']} ({len(missed)} happened/planned events missed)")
            continue
        located[span[2]] += 1
        events = [r for r in rows if _in_sentence(r, span)]
        counted = [r for r in events if r["status"] in COUNTED]
        # rows told first elsewhere and merged with this sentence's retelling: they match a
        # gold event here, but are no false positive of this sentence when they match none
        retold = [r for r in rows if r["status"] in COUNTED and _restated_in(r, span)]
        n_own = len(counted)
        counted = counted + [r for r in retold if r not in counted]
        gold_counted = [e for e in g["events"] if e["status"] in COUNTED]
        used: set[int] = set()
        for e in gold_counted:
            hit = next(
                (
                    i
                    for i, r in enumerate(counted)
                    if i not in used
                    and r["status"] == e["status"]
                    and participants_match(r["participants"], e["participants"], r.get("_aliases"))
                ),
                None,
            )
            if hit is None:
                fn += 1
                errors.append(f"FN {g['gid']} {e['status']} {e['participants']}")
                continue
            used.add(hit)
            tp += 1
            matched += 1
            r = counted[hit]
            dates += date_right(r, e)
            modes += r["mode"] == e["mode"]
            if not date_right(r, e):
                errors.append(
                    f"DATE {g['gid']} gold={e['date_start']}/{e.get('date_end')}/{e['precision']}"
                    f" sys={r.get('date_start')}/{r.get('date_end')}/{r.get('date_precision')}"
                )
            if r["mode"] != e["mode"]:
                errors.append(f"MODE {g['gid']} gold={e['mode']} sys={r['mode']}")
        for i, r in enumerate(counted):
            if i not in used and i < n_own:
                fp += 1
                if not g["events"]:
                    noise[g["reason"]] += 1
                errors.append(
                    f"FP {g['gid']} {r['status']} {r['participants']} [{r.get('trigger')}]"
                    f" gold={[(e['status'], e['participants']) for e in g['events']] or g['reason']}"
                )
        # a row that is the right answer to a happened gold event ("Haftar met al-Serraj
        # ... but refused to attend official talks") is no false happening of another one
        answered = [counted[i] for i in used]
        for e in g["events"]:
            if e["status"] not in NOT_HAPPENED:
                continue
            happened = any(
                r["status"] == "happened"
                and not any(r is a for a in answered)
                and participants_match(r["participants"], e["participants"], r.get("_aliases"))
                for r in events
            )
            if e["status"] in BAR_STATUSES:
                bar_total += 1
                bar_happened += happened
            else:
                other_total += 1
                other_happened += happened
            if happened:
                errors.append(f"FALSE-HAPPENED {g['gid']} gold={e['status']} {e['participants']}")
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "matched": matched,
        "dates": dates,
        "modes": modes,
        "bar_total": bar_total,
        "bar_happened": bar_happened,
        "other_total": other_total,
        "other_happened": other_happened,
        "noise": noise,
        "errors": errors,
        "unlocated": unlocated,
        "located": located,
    }


def report(name: str, s: dict) -> str:
    p, r, f = prf(s["tp"], s["fp"], s["fn"])
    m = s["matched"] or 1
    bar = s["bar_happened"] / s["bar_total"] if s["bar_total"] else 0.0
    lines = [
        f"[{name}] happened+planned events: P={p:.3f} R={r:.3f} F1={f:.3f} "
        f"(tp={s['tp']} fp={s['fp']} fn={s['fn']})",
        f"[{name}] date accuracy={s['dates'] / m:.3f} mode accuracy={s['modes'] / m:.3f} "
        f"(over {s['matched']} matched events)",
        f"[{name}] negated/hypothetical/cancelled counted as happened: "
        f"{s['bar_happened']}/{s['bar_total']} = {bar:.3f}; refused/requested: "
        f"{s['other_happened']}/{s['other_total']}",
    ]
    if s["noise"]:
        lines.append(f"[{name}] happened/planned events in no-event sentences: {dict(s['noise'])}")
    how = ", ".join(f"{k} {v}" for k, v in sorted(s["located"].items()))
    lines.append(
        f"[{name}] gold sentences located: {how or 'none'}; not found: {s['unlocated']}"
        " (their events count as misses)"
    )
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    """The command line of the scorer (one split per gold round group)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--split",
        choices=(
            "dev",
            "test",
            "test2",
            "test3",
            "test4",
            "test5",
            "test6",
            "test7",
            "test8",
            "test9",
            "test10",
            "test11",
            "test12",
            "test13",
            "test14",
            "test15",
            "test16",
            "all",
        ),
        default="dev",
        help="test2: round 4, drawn and annotated after the rules were written; "
        "test3: round 5, a second blind round (GUIDELINE §9.8); "
        "test4: round 6, a third blind round (GUIDELINE §9.9); "
        "test5: round 7, a fourth blind round (GUIDELINE §9.10); "
        "test6: round 8, a fifth blind round, Indonesian only (GUIDELINE §9.11); "
        "test7: round 9, a sixth blind round, Indonesian only (GUIDELINE §9.12); "
        "test8: round 10, a seventh blind round, both languages, fresh articles and the "
        "unread paragraphs of test-only articles (GUIDELINE §9.13); "
        "test9: round 11, an eighth blind round drawn as round 10 once round 10 was "
        "opened as development data (GUIDELINE §9.14); "
        "test10: round 12, a ninth blind round drawn as round 11 once rounds 10 and 11 "
        "were opened as development data (GUIDELINE §9.15); "
        "test11: round 13, a tenth blind round drawn as round 12 once rounds 10-12 were "
        "opened as development data (GUIDELINE §9.16); "
        "test12: round 14, an eleventh blind round drawn as round 13 once round 13 was "
        "opened as development data (GUIDELINE §9.17); "
        "test13: round 15, a twelfth blind round from sources no round had read, every "
        "trigger sentence of PFSA-ID (Kompas) and a random draw from NewsMTSC (GUIDELINE "
        "§9.18); "
        "test14: round 16, a thirteenth blind round from unread sources, every trigger "
        "sentence of idNER (Indonesian) and a random draw from the NewsMTSC sentences "
        "round 15 did not draw (GUIDELINE §9.19); "
        "test15: round 17, a fourteenth blind round, a random draw from the NewsMTSC "
        "sentences rounds 15 and 16 did not draw (GUIDELINE §9.20); "
        "test16: round 18, a fifteenth blind round, every NewsMTSC in_person, visit, talks "
        "and summit sentence rounds 15-17 did not draw and 20 phone ones (GUIDELINE §9.21)",
    )
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--shared", default=None, help="the shared data folder (../shared)")
    parser.add_argument("--errors", action="store_true", help="list every error")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    gold = load_gold(args.gold)
    if args.split != "all":
        gold = [g for g in gold if g["split"] == args.split]
    system = run_system(gold, shared_dir(args.shared))
    groups: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        groups[f"{args.split}"].append(g)
        groups[f"{args.split}/{g['language']}"].append(g)
        groups[f"{args.split}/round{g['round']}"].append(g)
    results = {name: score(items, system) for name, items in sorted(groups.items())}
    for name, s in results.items():
        print(report(name, s))
    if args.errors:
        print("\n".join(results[args.split]["errors"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
