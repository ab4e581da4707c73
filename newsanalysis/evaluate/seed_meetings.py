"""Score the meetings of the seed article against ``eval/seed_gold.json``.

    python -m newsanalysis.evaluate.seed_meetings

Checks what the seed gold asks for: the six dated meetings M1-M6 (participants, mode,
status and date at the gold precision; host and location are shown), the "39 times"
count, the phone call to Zelensky that did not happen, and no meeting taken from the
site's boilerplate. System events that match a gold meeting's sub-event (the Monday
talks of the planned visit) or an optional meeting are neither rewarded nor punished;
any other happened/planned event is a false positive. Prints precision/recall/F1 of
happened + planned meetings.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from . import prf, shared_dir
from .meetings import date_right, name_matches, participants_match


def _matches(row: dict[str, Any], gold: dict[str, Any]) -> dict[str, bool]:
    want = {
        "date_start": gold.get("date_start"),
        "date_end": gold.get("date_end"),
        "precision": gold.get("precision"),
    }
    return {
        "participants": participants_match(row["participants"], gold["participants"]),
        "mode": row["mode"] == gold["mode"],
        "status": row["status"] == gold["status"],
        "date": date_right(row, want),
    }


def _sub_event(row: dict[str, Any], gold: dict[str, Any]) -> bool:
    if not participants_match(row["participants"], gold["participants"]):
        return False
    start = str(row.get("date_start"))[:10]
    return any(start == sub.get("date") for sub in gold.get("sub_events", []))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=None, help="the shared data folder (../shared)")
    args = parser.parse_args(argv)
    shared = shared_dir(args.shared)
    gold = json.loads((shared / "eval" / "seed_gold.json").read_text(encoding="utf-8"))

    import newsanalysis as na

    result = na.analyze(na.load(shared / "corpus" / "seed" / "cnn-xi-putin-moscow.id.txt"))
    rows = result.meetings.to_dict("records")
    counted = [r for r in rows if r["status"] in ("happened", "planned")]
    used: set[int] = set()
    right = 0
    for g in gold["meetings"]:
        best, best_score = None, -1
        for i, r in enumerate(counted):
            if i in used:
                continue
            checks = _matches(r, g)
            score = sum(checks.values()) + 2 * checks["participants"]
            if checks["participants"] and score > best_score:
                best, best_score = i, score
        if best is None:
            print(f"{g['id']}: MISSING {g['participants']} {g['mode']} {g['status']}")
            continue
        r = counted[best]
        checks = _matches(r, g)
        ok = all(checks.values())
        if ok:
            used.add(best)
            right += 1
        wrong = [k for k, v in checks.items() if not v]
        host = r.get("host")
        host_ok = g.get("host") is None or (host is not None and name_matches(host, g["host"]))
        print(
            f"{g['id']}: {'OK ' if ok else 'BAD'} {r['participants']} {r['mode']} {r['status']} "
            f"{str(r['date_start'])[:10]}..{str(r['date_end'])[:10]} ({r['date_precision']})"
            f" host={host} location={r.get('location')}"
            + (f"  wrong: {', '.join(wrong)}" if wrong else "")
            + ("" if host_ok else f"  host should be {g['host']}")
        )
    for c in gold.get("meeting_counts", []):
        hit = any(
            r["count"] == c["count"] and participants_match(r["participants"], c["participants"])
            for r in rows
            if r.get("count") is not None and r["count"] == r["count"]
        )
        print(f"count {c['count']}: {'OK' if hit else 'MISSING'}")
    negated_ok = 0
    for n in gold.get("negated_meetings", []):
        same = [r for r in rows if participants_match(r["participants"], n["participants"])]
        ok = any(r["status"] == "negated" for r in same) and not any(
            r["status"] == "happened" for r in same
        )
        negated_ok += ok
        print(f"negated {n['participants']}: {'OK' if ok else 'WRONG'}")
    boilerplate = [line.strip() for line in gold.get("boilerplate_lines", []) if line.strip()]
    from_boilerplate = [r for r in rows if any(b in (r["evidence"] or "") for b in boilerplate)]
    print(f"meetings from boilerplate: {len(from_boilerplate)}")
    fp = 0
    for i, r in enumerate(counted):
        if i in used:
            continue
        neutral = any(_sub_event(r, g) for g in gold["meetings"]) or any(
            participants_match(r["participants"], o["participants"])
            for o in gold.get("optional_meetings", [])
        )
        if not neutral:
            fp += 1
            print(f"FP {r['participants']} {r['mode']} {r['status']} [{r['trigger']}]")
    fn = len(gold["meetings"]) - right
    p, rec, f = prf(right, fp, fn)
    print(
        f"seed meetings (happened+planned, all fields right): P={p:.3f} R={rec:.3f} F1={f:.3f} "
        f"({right}/{len(gold['meetings'])} right, {fp} false positives)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
