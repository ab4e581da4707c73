"""Score person and organisation mentions against idNER-news-2k (Indonesian news NER).

The gold is token-per-line (``token POS BIO-tag``), one sentence per block, with no
publication date. Each sentence is joined with spaces and run through
:func:`~newsanalysis.actors.find_mentions`; a mention of a person is a ``PER``, of an
organisation or group an ``ORG`` (countries, and role phrases, which need a date, are
not scored). Spans are compared in tokens: *exact* needs the same first and last token,
*overlap* any shared token (each gold entity matched once).

    python -m newsanalysis.evaluate.ner                 # dev split
    python -m newsanalysis.evaluate.ner --split train   # the split rules were not tuned on
    python -m newsanalysis.evaluate.ner --no-bare-names --errors 30
    python -m newsanalysis.evaluate.ner --subject-names  # lone clause subjects as people

Use dev to find errors; report train as the held-out figure.
"""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..actors import find_mentions, load_kb
from ..document import Document
from . import prf, shared_dir

TYPES = ("PER", "ORG")
_ACTOR_TYPES = {"person": "PER", "organisation": "ORG", "group": "ORG"}


@dataclass
class Sentence:
    tokens: list[str]
    tags: list[str]

    @property
    def text(self) -> str:
        return " ".join(self.tokens)

    def offsets(self) -> list[tuple[int, int]]:
        spans, pos = [], 0
        for token in self.tokens:
            spans.append((pos, pos + len(token)))
            pos += len(token) + 1
        return spans


def read_conll(path: Path) -> list[Sentence]:
    """Sentences of a ``token POS tag`` file (blank lines between sentences)."""
    sentences, tokens, tags = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if tokens:
                sentences.append(Sentence(tokens, tags))
                tokens, tags = [], []
            continue
        tokens.append(parts[0])
        tags.append(parts[-1])
    if tokens:
        sentences.append(Sentence(tokens, tags))
    return sentences


def gold_entities(sentence: Sentence) -> set[tuple[str, int, int]]:
    """``(type, first token, last token)`` of the PER and ORG entities of a sentence."""
    out, i, tags = set(), 0, sentence.tags
    while i < len(tags):
        tag = tags[i]
        if tag.startswith("B-") or (
            tag.startswith("I-") and (i == 0 or tags[i - 1][2:] != tag[2:])
        ):
            kind, j = tag[2:], i + 1
            while j < len(tags) and tags[j] == "I-" + kind:
                j += 1
            if kind in TYPES:
                out.add((kind, i, j - 1))
            i = j
        else:
            i += 1
    return out


def predicted_entities(
    sentence: Sentence, kb, bare_names: bool, subject_names: bool = False
) -> set[tuple[str, int, int, str]]:
    """``(type, first token, last token, method)`` of the mentions found in a sentence."""
    doc = Document("ner", sentence.text, "id", None)
    find_mentions(doc, kb, bare_names=bare_names, subject_names=subject_names)
    offsets = sentence.offsets()
    out = set()
    for mention in doc.mentions:
        kind = (
            _ACTOR_TYPES.get(doc.actors[mention.actor_id].type)
            if mention.actor_id in doc.actors
            else None
        )
        if kind is None:
            continue
        covered = [i for i, (s, e) in enumerate(offsets) if s < mention.end and mention.start < e]
        if covered:
            out.add((kind, covered[0], covered[-1], mention.method))
    return out


def score(
    sentences: list[Sentence],
    kb=None,
    bare_names: bool = True,
    errors: int = 0,
    subject_names: bool = False,
) -> dict:
    """Exact and overlap P/R/F1 per type; with ``errors``, print that many misses of each kind."""
    kb = kb or load_kb()
    counts = {(mode, t): Counter() for mode in ("exact", "overlap") for t in TYPES}
    by_method: Counter = Counter()
    shown = Counter()
    for sentence in sentences:
        gold = gold_entities(sentence)
        predicted = predicted_entities(sentence, kb, bare_names, subject_names)
        for kind in TYPES:
            g = {(s, e) for k, s, e in gold if k == kind}
            p = {(s, e, m) for k, s, e, m in predicted if k == kind}
            exact_tp = {(s, e) for s, e, _ in p} & g
            c = counts[("exact", kind)]
            c["tp"] += len(exact_tp)
            c["fp"] += len({(s, e) for s, e, _ in p} - g)
            c["fn"] += len(g - exact_tp)
            matched_gold = {gs for gs in g if any(ps <= gs[1] and gs[0] <= pe for ps, pe, _ in p)}
            good_pred = [x for x in p if any(x[0] <= ge and gs <= x[1] for gs, ge in g)]
            c = counts[("overlap", kind)]
            c["tp"] += len(matched_gold)
            c["fp"] += len(p) - len(good_pred)
            c["fn"] += len(g) - len(matched_gold)
            for x in p:
                by_method[(kind, x[2], "ok" if x in good_pred else "wrong")] += 1
            if errors:
                words = sentence.tokens
                for s, e, m in p:
                    if x not in good_pred and (s, e, m) not in good_pred and shown["fp"] < errors:
                        shown["fp"] += 1
                        print(
                            f"FP {kind} [{m}] {' '.join(words[s : e + 1])!r} | {sentence.text[:160]}"
                        )
                for s, e in g - matched_gold:
                    if shown["fn"] < errors:
                        shown["fn"] += 1
                        print(f"FN {kind} {' '.join(words[s : e + 1])!r} | {sentence.text[:160]}")
    return {"counts": counts, "by_method": by_method}


def _print(name: str, result: dict) -> None:
    print(f"== {name}")
    print(f"{'mode':8} {'type':4} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
    for mode in ("exact", "overlap"):
        total = Counter()
        for kind in TYPES:
            c = result["counts"][(mode, kind)]
            total.update(c)
            p, r, f = prf(c["tp"], c["fp"], c["fn"])
            print(
                f"{mode:8} {kind:4} {p:6.3f} {r:6.3f} {f:6.3f} {c['tp']:5} {c['fp']:5} {c['fn']:5}"
            )
        p, r, f = prf(total["tp"], total["fp"], total["fn"])
        print(
            f"{mode:8} {'all':4} {p:6.3f} {r:6.3f} {f:6.3f} {total['tp']:5} {total['fp']:5} {total['fn']:5}"
        )
    print("predictions by method (overlap with a gold entity of the same type):")
    methods = sorted({(k, m) for k, m, _ in result["by_method"]})
    for kind, method in methods:
        ok = result["by_method"][(kind, method, "ok")]
        wrong = result["by_method"][(kind, method, "wrong")]
        print(
            f"  {kind} {method:12} {ok:5} right {wrong:5} wrong  precision {ok / max(1, ok + wrong):.3f}"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=["dev", "train", "both"])
    parser.add_argument("--path", type=Path, help="a CoNLL file instead of the shared split")
    parser.add_argument("--shared", help="the shared data folder (default ../shared)")
    parser.add_argument("--no-bare-names", action="store_true", help="only titled / known names")
    parser.add_argument(
        "--subject-names",
        action="store_true",
        help="also lone words opening a clause before a verb",
    )
    parser.add_argument("--errors", type=int, default=0, help="print this many FPs and FNs")
    args = parser.parse_args(argv)
    if args.path:
        paths = [args.path]
    else:
        folder = shared_dir(args.shared) / "eval" / "ner" / "idner-news-2k"
        paths = [
            folder / f"{s}.txt"
            for s in (["dev", "train"] if args.split == "both" else [args.split])
        ]
    kb = load_kb()
    for path in paths:
        sentences = read_conll(path)
        result = score(
            sentences,
            kb,
            bare_names=not args.no_bare_names,
            errors=args.errors,
            subject_names=args.subject_names,
        )
        bare = "off" if args.no_bare_names else "on"
        subject = "on" if args.subject_names else "off"
        _print(
            f"{path.name}: {len(sentences)} sentences, bare names {bare}, subjects {subject}",
            result,
        )


if __name__ == "__main__":
    main()
