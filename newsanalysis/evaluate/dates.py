"""Score the date resolver against hand-annotated gold.

    python -m newsanalysis.evaluate.dates [--split dev|test|all] [--errors]

Gold (``gold/dates/``, annotated by us; see its README): sentences drawn at random from
CLICK-ID (Indonesian) and PolNeAR (English, text read from ``../shared`` at run time),
every date expression with its interval and precision, split by article into ``dev``
(looked at while writing rules) and ``test`` (not looked at). Also the dated meetings of
the seed article (``../shared/eval/seed_gold.json``) through :func:`date_for_span`, and
recall on the DATETIME spans of PFSA-ID dev (``../shared/eval/pfsa-id``).

Printed per set: *detection* precision / recall / F1 (a found expression overlaps a gold
one) and *resolution* P / R / F1 (it also has the gold start, end and precision). A
found expression that overlaps a gold one already matched (a split expression) is not
counted.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..document import Document
from ..extract.dates import DateMention, date_for_span, find_dates
from . import prf, shared_dir

GOLD = Path(__file__).resolve().parents[2] / "gold" / "dates"


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    detected: int = 0  # found expressions overlapping a gold one
    resolved: int = 0  # ... with the gold interval and precision
    errors: list[str] = field(default_factory=list)

    def lines(self, name: str) -> list[str]:
        p, r, f = prf(self.detected, self.found - self.detected, self.gold - self.detected)
        rp, rr, rf = prf(self.resolved, self.found - self.resolved, self.gold - self.resolved)
        return [
            f"{name}: {self.gold} gold expressions, {self.found} found",
            f"  detection   P {p:.3f}  R {r:.3f}  F1 {f:.3f}",
            f"  resolution  P {rp:.3f}  R {rr:.3f}  F1 {rf:.3f}",
        ]


def _value(m: DateMention) -> tuple[str, str, str]:
    return (m.date_start.isoformat(), m.date_end.isoformat(), m.precision)


def score_item(item: dict, doc: Document, span: tuple[int, int], offset: int, score: Score) -> None:
    """Compare the expressions found in ``doc.text[span]`` with the gold of ``item``
    (gold offsets + ``offset`` index ``doc.text``)."""
    found = [m for m in find_dates(doc) if m.start < span[1] and m.end > span[0]]
    gold = item["dates"]
    score.gold += len(gold)
    matched_gold: set[int] = set()
    for m in found:
        hit = next(
            (
                i
                for i, g in enumerate(gold)
                if m.start < g["end"] + offset and m.end > g["start"] + offset
            ),
            None,
        )
        if hit is None:
            score.found += 1
            score.errors.append(f"{item['id']}: spurious {m.text!r} -> {_value(m)}")
            continue
        if hit in matched_gold:
            continue  # a second piece of an expression already matched
        matched_gold.add(hit)
        score.found += 1
        score.detected += 1
        g = gold[hit]
        expected = (g["date_start"], g["date_end"], g["precision"])
        if _value(m) == expected:
            score.resolved += 1
        else:
            score.errors.append(f"{item['id']}: {g['text']!r} -> {_value(m)}, gold {expected}")
    for i, g in enumerate(gold):
        if i not in matched_gold:
            score.errors.append(f"{item['id']}: missed {g['text']!r}")


def score_gold_file(path: Path, split: str, shared: Path | None) -> dict[str, Score]:
    """Scores of one gold file, per set (the part of the item ids before ":")."""
    scores: dict[str, Score] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        if split != "all" and item["split"] != split:
            continue
        score = scores.setdefault(item["id"].split(":")[0], Score())
        published = date.fromisoformat(item["published"])
        if "text" in item:  # the sentence is stored with the gold
            doc = Document(item["id"], item["text"], item["language"], published)
            score_item(item, doc, (0, len(item["text"])), 0, score)
        else:  # offsets into a file of ../shared
            if shared is None:
                continue
            text = (shared / "eval" / "polnear" / item["source"].split(" ", 1)[1]).read_text(
                encoding="utf-8"
            )
            doc = Document(item["id"], text, item["language"], published)
            score_item(item, doc, tuple(item["sentence"]), 0, score)
    return scores


def score_seed(shared: Path) -> tuple[int, int, list[str]]:
    """How many dated seed meetings get their gold date from :func:`date_for_span`."""
    from ..clean import clean_text

    gold = json.loads((shared / "eval" / "seed_gold.json").read_text(encoding="utf-8"))
    raw = (shared / "corpus" / "seed" / "cnn-xi-putin-moscow.id.txt").read_text(encoding="utf-8")
    doc = Document("seed", clean_text(raw).text, "id", date.fromisoformat(gold["published"]))
    hits, total, errors = 0, 0, []
    for meeting in gold["meetings"]:
        if not meeting.get("date_start"):
            continue
        total += 1
        cue = meeting["evidence"].split(" ... ")[-1]
        at = doc.text.find(cue)
        m = date_for_span(doc, at, at + len(cue)) if at >= 0 else None
        expected = _gold_interval(meeting)
        got = _value(m) if m is not None else None
        if got == expected:
            hits += 1
        else:
            errors.append(f"seed {meeting['id']}: {cue[:50]!r} -> {got}, gold {expected}")
    return hits, total, errors


def score_pfsa(shared: Path) -> tuple[int, int, int, list[str]]:
    """Recall on the DATETIME spans of PFSA-ID dev (Kompas): (gold, found, right value,
    errors). PFSA-ID marks only some expressions ("Senin (13/4/2020)") and no
    publication date, so precision is not measured and yearless dates count as missed;
    the right value is the day written in the span."""
    import re

    path = shared / "eval" / "pfsa-id" / "dev-20.txt"
    words, spans, start = [], [], None
    pos = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        token, label = parts[0], parts[-1]
        if label.endswith("DATETIME") and label[:2] in ("B-", "U-"):
            start = pos
        words.append(token)
        pos += len(token) + 1
        if label.endswith("DATETIME") and label[:2] in ("L-", "U-") and start is not None:
            spans.append((start, pos - 1))
            start = None
    text = " ".join(words)
    doc = Document("pfsa-id", text, "id", None)
    found_mentions = find_dates(doc)
    found = right = 0
    errors = []
    for s, e in spans:
        m = next((m for m in found_mentions if m.start < e and m.end > s), None)
        numbers = re.findall(r"\d+", text[s:e])
        if m is None:
            errors.append(f"pfsa-id: missed {text[s:e]!r}")
            continue
        found += 1
        if len(numbers) == 3:
            day, month, year = (int(n) for n in numbers)
            if (m.date_start.year, m.date_start.month, m.date_start.day) == (year, month, day):
                right += 1
            else:
                errors.append(f"pfsa-id: {text[s:e]!r} -> {_value(m)}")
    return len(spans), found, right, errors


def _gold_interval(meeting: dict) -> tuple[str, str, str]:
    """The seed gold writes "2022-02" for a month; make it an interval."""
    import calendar

    start, precision = meeting["date_start"], meeting["precision"]
    end = meeting.get("date_end") or start
    if precision == "month":
        year, month = (int(x) for x in start.split("-")[:2])
        last = calendar.monthrange(year, month)[1]
        return (f"{start[:7]}-01", f"{end[:7]}-{last:02d}", "month")
    return (start, end, precision)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=["dev", "test", "all"], default="dev")
    parser.add_argument("--errors", action="store_true", help="list every error")
    parser.add_argument("--shared", default=None, help="the shared data folder")
    args = parser.parse_args(argv)
    shared = shared_dir(args.shared)
    labels = {
        "click-id": "Indonesian, random sentences",
        "click-id-relative": "Indonesian, sentences with relative expressions",
        "polnear": "English, random sentences",
    }
    for name in ("click-id", "polnear"):
        for set_name, score in score_gold_file(GOLD / f"{name}.jsonl", args.split, shared).items():
            print("\n".join(score.lines(f"{set_name} ({labels.get(set_name, '')}, {args.split})")))
            if args.errors:
                print("\n".join(f"    {e}" for e in score.errors))
    hits, total, errors = score_seed(shared)
    print(f"seed meetings: date_for_span gives the gold date for {hits} of {total}")
    if args.errors:
        print("\n".join(f"    {e}" for e in errors))
    gold, found, right, errors = score_pfsa(shared)
    print(
        f"PFSA-ID dev DATETIME (recall only, no publication dates): {gold} spans, "
        f"found {found} (R {found / gold:.3f}), day right {right}"
    )
    if args.errors:
        print("\n".join(f"    {e}" for e in errors))


if __name__ == "__main__":
    main()
