"""Agreement between two annotations of the same meetings gold sentences.

    python scripts/meetings_agreement.py gold/meetings/agreement/test9_second.jsonl \
        --a gold/meetings/gold.jsonl --split test9 [--errors]

File A (default: ``gold/meetings/gold.jsonl``) plays the gold, file B the second
annotator. Records are joined on ``gid`` (A's records of the split; a gid B lacks counts as
an empty B record). The figures are those of ``python -m newsanalysis.evaluate.meetings``,
read as an inter-annotator ceiling:

- precision / recall / F1 of B's **happened + planned** events against A's, with the
  scorer's own matching (``participants_match`` and ``name_matches``, imported, not
  copied): same sentence, same status, every required A participant found among B's and
  every B participant in A. B's participants are written like A's ("Name|Alias",
  "?optional"): the first alternative is the name, the others its aliases, and B's
  optional participants are left out (an optional mark says "may be listed or not");
- over the events matched that way: date agreement (``date_right``, at A's precision)
  and mode agreement;
- over events paired by participants alone, whatever their status: status agreement and
  the status pairs that differ (the question "did it happen" asked separately from "who");
- over sentences: both have events / both empty / only one has events, and for the
  sentences both left empty, the share with the same ``reason``; Cohen's kappa over the
  sentence label (``event`` or the reason).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsanalysis.evaluate import prf  # noqa: E402
from newsanalysis.evaluate.meetings import (  # noqa: E402
    COUNTED,
    GOLD,
    date_right,
    load_gold,
    participants_match,
)

Record = dict[str, Any]


def as_system(participants: list[str]) -> tuple[list[str], list[list[str]]]:
    """B's participants as the scorer's system side: names and their aliases."""
    required = [p for p in participants if not p.startswith("?")]
    names = [p.split("|")[0] for p in required]
    aliases = [p.split("|")[1:] for p in required]
    return names, aliases


def same_actors(b_event: dict, a_event: dict) -> bool:
    """The scorer's participant match of B's event against A's."""
    names, aliases = as_system(b_event["participants"])
    return participants_match(names, a_event["participants"], aliases)


def _pairs(a_events: list[dict], b_events: list[dict], same_status: bool) -> list[tuple]:
    """Greedy one-to-one pairing in A's order (as the scorer pairs gold with system)."""
    used: set[int] = set()
    pairs = []
    for a in a_events:
        for i, b in enumerate(b_events):
            if i in used or (same_status and b["status"] != a["status"]):
                continue
            if same_actors(b, a):
                used.add(i)
                pairs.append((a, b))
                break
    return pairs


def _label(record: Record) -> str:
    return "event" if record["events"] else str(record["reason"])


def cohen_kappa(labels: list[tuple[str, str]]) -> float:
    """Cohen's kappa of two label sequences given as (A, B) pairs."""
    n = len(labels)
    if not n:
        return 0.0
    observed = sum(a == b for a, b in labels) / n
    count_a = Counter(a for a, _ in labels)
    count_b = Counter(b for _, b in labels)
    expected = sum(count_a[k] * count_b[k] for k in count_a) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def agreement(a_records: list[Record], b_records: list[Record]) -> dict[str, Any]:
    """Counts of B against A over A's records (joined on gid)."""
    by_gid = {r["gid"]: r for r in b_records}
    tp = fp = fn = dates = modes = 0
    paired = status_same = paired_modes = 0
    status_diff: Counter = Counter()
    sentences: Counter = Counter()
    reason_pairs: Counter = Counter()
    labels: list[tuple[str, str]] = []
    errors: list[str] = []
    missing = 0
    for a in a_records:
        b = by_gid.get(a["gid"])
        if b is None:
            missing += 1
            b = {"gid": a["gid"], "events": [], "reason": "missing"}
        labels.append((_label(a), _label(b)))
        if a["events"] and b["events"]:
            sentences["both have events"] += 1
        elif not a["events"] and not b["events"]:
            sentences["both empty"] += 1
            reason_pairs[(a["reason"], b["reason"])] += 1
        else:
            sentences["only A has events" if a["events"] else "only B has events"] += 1
            errors.append(f"SENTENCE {a['gid']} A={_label(a)} B={_label(b)}")
        a_counted = [e for e in a["events"] if e["status"] in COUNTED]
        b_counted = [e for e in b["events"] if e["status"] in COUNTED]
        matched = _pairs(a_counted, b_counted, same_status=True)
        tp += len(matched)
        fn += len(a_counted) - len(matched)
        fp += len(b_counted) - len(matched)
        if len(matched) < max(len(a_counted), len(b_counted)):
            errors.append(
                f"EVENT {a['gid']} A={[(e['status'], e['participants']) for e in a_counted]}"
                f" B={[(e['status'], e['participants']) for e in b_counted]}"
            )
        for ea, eb in matched:
            right = date_right({**eb, "date_precision": eb.get("precision")}, ea)
            dates += right
            modes += ea["mode"] == eb["mode"]
            if not right:
                errors.append(
                    f"DATE {a['gid']} A={ea['date_start']}/{ea['precision']}"
                    f" B={eb['date_start']}/{eb.get('precision')}"
                )
            if ea["mode"] != eb["mode"]:
                errors.append(f"MODE {a['gid']} A={ea['mode']} B={eb['mode']}")
        for ea, eb in _pairs(a["events"], b["events"], same_status=False):
            paired += 1
            paired_modes += ea["mode"] == eb["mode"]
            if ea["status"] == eb["status"]:
                status_same += 1
            else:
                status_diff[(ea["status"], eb["status"])] += 1
                errors.append(f"STATUS {a['gid']} A={ea['status']} B={eb['status']}")
    both_empty = sentences["both empty"]
    same_reason = sum(n for (ra, rb), n in reason_pairs.items() if ra == rb)
    for (ra, rb), n in sorted(reason_pairs.items()):
        if ra != rb:
            errors.append(f"REASON A={ra} B={rb} x{n}")
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "dates": dates,
        "modes": modes,
        "paired": paired,
        "status_same": status_same,
        "paired_modes": paired_modes,
        "status_diff": status_diff,
        "sentences": sentences,
        "both_empty": both_empty,
        "same_reason": same_reason,
        "reason_pairs": reason_pairs,
        "kappa": cohen_kappa(labels),
        "records": len(a_records),
        "missing": missing,
        "errors": errors,
    }


def report(name: str, s: dict[str, Any]) -> str:
    """The printed figures of one group."""
    p, r, f = prf(s["tp"], s["fp"], s["fn"])
    m = s["tp"] or 1
    pm = s["paired"] or 1
    be = s["both_empty"] or 1
    sent = s["sentences"]
    diffs = ", ".join(f"A {a} / B {b}: {n}" for (a, b), n in sorted(s["status_diff"].items()))
    return "\n".join(
        [
            f"[{name}] {s['records']} sentences ({s['missing']} missing from B)",
            f"[{name}] happened+planned events, B against A: P={p:.3f} R={r:.3f} F1={f:.3f} "
            f"(tp={s['tp']} fp={s['fp']} fn={s['fn']})",
            f"[{name}] date agreement={s['dates'] / m:.3f} mode agreement="
            f"{s['modes'] / m:.3f} (over {s['tp']} matched happened/planned events)",
            f"[{name}] events paired by participants (any status): {s['paired']}; status "
            f"agreement={s['status_same'] / pm:.3f}, mode agreement="
            f"{s['paired_modes'] / pm:.3f}" + (f"; differing: {diffs}" if diffs else ""),
            f"[{name}] sentences: both have events {sent['both have events']}, both empty "
            f"{s['both_empty']}, only A has events {sent['only A has events']}, only B has "
            f"events {sent['only B has events']}; same reason when both empty "
            f"{s['same_reason']}/{s['both_empty']} = {s['same_reason'] / be:.3f}; "
            f"kappa over sentence labels (event or reason)={s['kappa']:.3f}",
        ]
    )


def _load(path: Path, split: str | None) -> list[Record]:
    records = load_gold(path)
    return [r for r in records if split in (None, "all") or r.get("split") == split]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("b", type=Path, help="the second annotation (JSONL, gold format)")
    parser.add_argument("--a", type=Path, default=GOLD, help="the reference annotation")
    parser.add_argument("--split", default=None, help="keep only records of this split")
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    args = parser.parse_args(argv)
    a_records = _load(args.a, args.split)
    b_records = _load(args.b, args.split)
    if not a_records:
        parser.error(f"no record of split {args.split!r} in {args.a}")
    label = args.split or "all"
    groups = {label: a_records}
    for language in sorted({r["language"] for r in a_records}):
        groups[f"{label}/{language}"] = [r for r in a_records if r["language"] == language]
    results = {name: agreement(items, b_records) for name, items in groups.items()}
    for name, s in results.items():
        print(report(name, s))
    if args.errors:
        print("\n".join(results[label]["errors"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
