"""Quotes of the seed article against ``eval/seed_gold.json``.

Run ``python -m newsanalysis.evaluate.quotes_seed [--errors]``. The article goes
through the real pipeline (``na.analyze`` on the file with its metadata sidecar).

How it is scored:

- **quotes**: the gold ``quotes`` are quotation-marked (direct and partial). A
  predicted direct or partial quote matches a gold one when their normalised texts
  (lower case, quotation marks and spaces normalised) share at least 80 % of the gold's
  characters; matching is one-to-one, best overlap first. Predictions matching an
  ``optional_quotes`` item are neither rewarded nor punished; predictions matching a
  ``not_quotes`` item (the subheading, the author bio) are counted as boilerplate
  quotes. Precision counts every other direct/partial prediction.
- **speaker / kind / cue accuracy**: over matched quotes; the speaker must equal the
  gold canonical name (case-insensitive).
- **the Wang case**: the quote ending "... komprehensif kami." must go to Wang Yi,
  not to Wang Wenbin, the spokesman quoted earlier.
- **indirect speech**: a gold ``indirect_speech`` item (speaker, cue, gist) is found
  when a predicted ``indirect`` quote has its speaker and its cue; the gist is printed
  for inspection. Other indirect predictions are listed with ``--errors``.
"""

from __future__ import annotations

import argparse
import json
import re
from difflib import SequenceMatcher

import pandas as pd

from . import prf, shared_dir

_MARKS = re.compile(r"[“”\"‘’«»„]")


def normalise(text: str) -> str:
    return " ".join(_MARKS.sub(" ", text or "").lower().split())


def overlap(gold: str, predicted: str) -> float:
    """Share of the gold's characters found, in order, in the prediction."""
    g, p = normalise(gold), normalise(predicted)
    if not g:
        return 0.0
    blocks = SequenceMatcher(None, g, p, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks) / len(g)


def run(shared: str | None = None) -> dict:
    """Score the seed article; returns the figures and the matched/unmatched rows."""
    import newsanalysis as na

    base = shared_dir(shared)
    gold = json.loads((base / "eval" / "seed_gold.json").read_text(encoding="utf-8"))
    result = na.analyze(base / "corpus" / "seed" / "cnn-xi-putin-moscow.id.txt")
    quotes = result.quotes
    marked = quotes[quotes["kind"].isin(["direct", "partial"])].reset_index(drop=True)

    pairs = sorted(
        (
            (overlap(g["text"], p), gi, pi)
            for gi, g in enumerate(gold["quotes"])
            for pi, p in enumerate(marked["text"])
        ),
        reverse=True,
    )
    matched: dict[int, int] = {}
    used: set[int] = set()
    for score, gi, pi in pairs:
        if score >= 0.8 and gi not in matched and pi not in used:
            matched[gi] = pi
            used.add(pi)
    optional = {
        pi
        for pi, p in enumerate(marked["text"])
        if pi not in used and any(overlap(o["text"], p) >= 0.8 for o in gold["optional_quotes"])
    }
    boilerplate = [
        pi
        for pi, p in enumerate(marked["text"])
        if pi not in used and any(overlap(n["text"], p) >= 0.8 for n in gold["not_quotes"])
    ]
    false_positives = [pi for pi in range(len(marked)) if pi not in used and pi not in optional]

    def same(a, b) -> bool:
        return isinstance(a, str) and isinstance(b, str) and a.casefold() == b.casefold()

    rows = []
    for gi, g in enumerate(gold["quotes"]):
        p = marked.iloc[matched[gi]] if gi in matched else None
        rows.append(
            {
                "gold": g["text"],
                "gold_speaker": g["speaker"],
                "found": p is not None,
                "speaker": None if p is None else p["speaker"],
                "speaker_ok": p is not None and same(p["speaker"], g["speaker"]),
                "kind_ok": p is not None and p["kind"] == g["kind"],
                "cue_ok": p is not None and same(p["cue"], g["cue"]),
            }
        )
    table = pd.DataFrame(rows)
    tp = int(table["found"].sum())
    precision, recall, f1 = prf(tp, len(false_positives), len(gold["quotes"]) - tp)
    found = table[table["found"]]
    wang = table[table["gold"].str.contains("komprehensif kami")].iloc[0]

    indirect = quotes[quotes["kind"] == "indirect"]
    indirect_rows = []
    hit_rows: set[int] = set()
    for item in gold["indirect_speech"]:
        hits = indirect[
            indirect["speaker"].fillna("").str.casefold().eq(item["speaker"].casefold())
            & indirect["cue"].fillna("").str.casefold().eq(item["cue"].casefold())
        ]
        hit_rows.update(hits.index)
        indirect_rows.append(
            {
                "speaker": item["speaker"],
                "cue": item["cue"],
                "found": not hits.empty,
                "text": hits["text"].iloc[0] if not hits.empty else None,
            }
        )
    indirect_table = pd.DataFrame(indirect_rows)
    return {
        "quotes": len(gold["quotes"]),
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "speaker_accuracy": found["speaker_ok"].mean() if len(found) else 0.0,
        "kind_accuracy": found["kind_ok"].mean() if len(found) else 0.0,
        "cue_accuracy": found["cue_ok"].mean() if len(found) else 0.0,
        "all_right": int((table["found"] & table["speaker_ok"]).sum()),
        "boilerplate_quotes": len(boilerplate),
        "wang_case": bool(wang["found"] and wang["speaker_ok"]),
        "indirect_found": int(indirect_table["found"].sum()),
        "indirect_gold": len(indirect_table),
        "indirect_other": indirect.drop(index=list(hit_rows)),
        "table": table,
        "indirect_table": indirect_table,
        "false_positives": marked.iloc[false_positives],
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", help="path of the shared data folder (default ../shared)")
    parser.add_argument("--errors", action="store_true", help="list misses and false positives")
    args = parser.parse_args(argv)
    r = run(args.shared)
    print("seed article: quotes (direct + partial)")
    print(
        f"  precision {r['precision']:.3f}  recall {r['recall']:.3f}  F1 {r['f1']:.3f}"
        f"  ({r['all_right']}/{r['quotes']} found with the right speaker)"
    )
    print(
        f"  speaker accuracy {r['speaker_accuracy']:.3f}  kind accuracy {r['kind_accuracy']:.3f}"
        f"  cue accuracy {r['cue_accuracy']:.3f}"
    )
    print(f"  boilerplate quotes: {r['boilerplate_quotes']}")
    print(f"  Wang Yi / Wang Wenbin case: {'right' if r['wang_case'] else 'WRONG'}")
    print(
        f"indirect speech: {r['indirect_found']}/{r['indirect_gold']} gold items found;"
        f" {len(r['indirect_other'])} other indirect quotes (gold list not exhaustive)"
    )
    if args.errors:
        with pd.option_context("display.width", 200, "display.max_colwidth", 70):
            print("\ngold quotes:")
            print(r["table"].to_string())
            print("\nfalse positives:")
            print(r["false_positives"][["text", "kind", "speaker", "cue"]].to_string())
            print("\nindirect speech:")
            print(r["indirect_table"].to_string())
            print("\nother indirect quotes:")
            print(r["indirect_other"][["text", "speaker", "cue"]].to_string())


if __name__ == "__main__":
    main()
