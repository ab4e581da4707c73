"""Score the meetings extractor against the dev gold (``gold/meetings/gold.jsonl``).

    python -m newsanalysis.evaluate.meetings [--split dev|test|all] [--errors]

Each gold record is one sentence of a CLICK-ID or PolNeAR article (read from ``../shared``
at run time; nothing is copied) with the events annotated in it following
``gold/meetings/GUIDELINE.md``. The whole article goes through the pipeline
(``process_article``: clean, actors, dates, meetings) and the system events whose clause
starts inside the gold sentence are compared with the gold events.

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


def participants_match(system: list[str], gold: list[str]) -> bool:
    """Every required gold participant is found and every system participant is in gold."""
    required = [g for g in gold if not g.startswith("?")]
    if not all(any(name_matches(s, g) for s in system) for g in required):
        return False
    return all(any(name_matches(s, g) for g in gold) for s in system)


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


def _records(gold: list[dict[str, Any]], shared: Path) -> dict[str, dict[str, Any]]:
    """Article records (as ``load`` makes them) for every article the gold needs."""
    import pandas as pd

    from ..load import load

    wanted = {g["article_id"] for g in gold}
    out: dict[str, dict[str, Any]] = {}
    for name in sorted({g["corpus"] for g in gold if g["corpus"].startswith("click-id/")}):
        corpus = load(shared / "corpus" / name)
        frame = corpus.articles
        for rec in frame[frame["article_id"].isin(wanted)].to_dict("records"):
            out[rec["article_id"]] = rec
    for g in gold:
        if g["corpus"].startswith("polnear/") and g["article_id"] not in out:
            path = shared / "eval" / "polnear" / g["file"]
            out[g["article_id"]] = {
                "article_id": g["article_id"],
                "text": path.read_text(encoding="utf-8"),
                "published": pd.Timestamp(g["published"]),
                "language": "en",
                "title": g.get("title"),
            }
    return out


def run_system(gold: list[dict[str, Any]], shared: Path) -> dict[str, tuple[str, list[dict]]]:
    """article_id -> (cleaned text, meeting rows) from the pipeline."""
    from ..pipeline import Settings, process_article

    settings = Settings()
    out = {}
    for article_id, record in _records(gold, shared).items():
        result = process_article(record, settings)
        out[article_id] = (result["articles"][0]["text"], result["meetings"])
    return out


def _locate(text: str, g: dict[str, Any]) -> tuple[int, int] | None:
    sentence = g["sentence"]
    offset = g.get("offset")
    if isinstance(offset, int) and text[offset : offset + len(sentence)] == sentence:
        return offset, offset + len(sentence)
    found = text.find(sentence)
    return (found, found + len(sentence)) if found >= 0 else None


def score(gold: list[dict[str, Any]], system: dict[str, tuple[str, list[dict]]]) -> dict:
    """Counts and error lists for ``gold`` records against ``system`` output."""
    tp = fp = fn = 0
    dates = modes = matched = 0
    bar_total = bar_happened = other_total = other_happened = 0
    noise = Counter()
    errors: list[str] = []
    unlocated = 0
    for g in gold:
        text, rows = system[g["article_id"]]
        span = _locate(text, g)
        if span is None:
            unlocated += 1
            continue
        events = [r for r in rows if span[0] <= int(r["start"]) < span[1]]
        counted = [r for r in events if r["status"] in COUNTED]
        gold_counted = [e for e in g["events"] if e["status"] in COUNTED]
        used: set[int] = set()
        for e in gold_counted:
            hit = next(
                (
                    i
                    for i, r in enumerate(counted)
                    if i not in used
                    and r["status"] == e["status"]
                    and participants_match(r["participants"], e["participants"])
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
            if i not in used:
                fp += 1
                if not g["events"]:
                    noise[g["reason"]] += 1
                errors.append(
                    f"FP {g['gid']} {r['status']} {r['participants']} [{r.get('trigger')}]"
                    f" gold={[(e['status'], e['participants']) for e in g['events']] or g['reason']}"
                )
        for e in g["events"]:
            if e["status"] not in NOT_HAPPENED:
                continue
            happened = any(
                r["status"] == "happened"
                and participants_match(r["participants"], e["participants"])
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
    if s["unlocated"]:
        lines.append(f"[{name}] gold sentences not found in the cleaned text: {s['unlocated']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--shared", default=None, help="the shared data folder (../shared)")
    parser.add_argument("--errors", action="store_true", help="list every error")
    args = parser.parse_args(argv)
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
