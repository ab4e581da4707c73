"""Quotes and speakers against PolNeAR (English political news attributions, 2015-16).

Run ``python -m newsanalysis.evaluate.quotes_polnear [--split dev|read|unseen|train]
[--errors]``. Reads ``eval/polnear/`` from the shared folder at run time (no licence
stated: never copied into the repository).

**The data.** One raw text per article (the title is its first line) and brat ``.ann``
files with Source, Cue and Content spans (character offsets into the raw text;
Content may be discontinuous, ``start end;start end``) linked by Attribution events;
``Attribution-no-source`` events have no Source. Some articles were annotated by
several annotators (one ``.ann`` per annotator); we score the first annotator listed
in ``metadata.tsv``. The article's text and publication date go through the real
pipeline (``na.analyze``, language "en"); predicted offsets are mapped back to the
raw text with ``clean.to_raw``.

**Direct quotes.** A gold attribution is a *direct quote* when its Content contains
quoted words: words between quotation marks (“ ” " ‘ ’ and the ``''`` pairs of the
NYT texts; marks paired in order within each Content piece, an unpaired opening
mark running to the end of its piece, an unpaired closing mark from the piece's
start; apostrophes are not marks). The predictions scored are our direct and partial quotes. A gold
direct quote matches a prediction whose span covers at least 50 % of its quoted
words; matching is one-to-one, best coverage first. P = matched predictions /
predictions, R = matched gold / gold.

**All attributions.** Every gold Content (direct or not, with or without source)
against every predicted quote, a match covering at least 50 % of the Content's
words. A partial quote lying inside one of our indirect quotes with the same speaker
is part of that indirect quote here (not a second prediction).

**Speakers.** Over matched pairs whose gold attribution has a Source: right when the
predicted speaker phrase (``speaker_start``/``speaker_end``) overlaps the gold
Source, or when the predicted ``speaker`` / ``speaker_surface`` shares a capitalised
name word with the Source (titles and role words of the language pack ignored).

**Splits.** Decided before any rule was written. ``read``: the dev articles of
breitbart, huff-post, nyt, politico and wash-post, the only ones read while writing
rules (``--errors`` lists errors for this split only). ``unseen``: every article,
dev and train, of usa-today and west-journal, publishers never read. ``dev``: all dev
articles (the official figure). ``train``: train articles of the read publishers,
not read either.
"""

from __future__ import annotations

import argparse
import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import prf, shared_dir

READ_PUBLISHERS = ("breitbart", "huff-post", "nyt", "politico", "wash-post")
UNSEEN_PUBLISHERS = ("usa-today", "west-journal")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


@dataclass
class Gold:
    content: list[tuple[int, int]]  # raw spans
    source: list[tuple[int, int]]
    source_text: str
    cue_text: str
    words: list[tuple[int, int]] = field(default_factory=list)  # word spans of the content
    quoted: list[tuple[int, int]] = field(default_factory=list)  # word spans inside marks

    @property
    def direct(self) -> bool:
        return bool(self.quoted)


@dataclass
class Article:
    article_id: str
    compartment: str
    publisher: str
    published: str
    text: str
    gold: list[Gold]


# --------------------------------------------------------------------------- reading


def _metadata(base: Path) -> list[dict]:
    with open(base / "metadata.tsv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _spans(field_text: str) -> list[tuple[int, int]]:
    return [tuple(int(x) for x in part.split()) for part in field_text.split(";")]


def read_ann(path: Path, text: str) -> list[Gold]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[dict[str, list[str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if not parts or not parts[0]:
            continue
        if parts[0].startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = (label, _spans(offsets))
        elif parts[0].startswith("E") and len(parts) >= 2:
            roles: dict[str, list[str]] = {}
            for item in parts[1].split():
                role, _, ref = item.partition(":")
                roles.setdefault(re.sub(r"\d+$", "", role), []).append(ref)
            events.append(roles)
    out = []
    for roles in events:
        content = [s for ref in roles.get("Content", []) if ref in spans for s in spans[ref][1]]
        if not content:
            continue
        source = [s for ref in roles.get("Source", []) if ref in spans for s in spans[ref][1]]
        cue = [s for ref in roles.get("Cue", []) if ref in spans for s in spans[ref][1]]
        gold = Gold(
            sorted(content),
            source,
            " ".join(text[s:e] for s, e in source),
            " ".join(text[s:e] for s, e in cue),
        )
        gold.words = [m.span() for s, e in gold.content for m in _WORD.finditer(text, s, e)]
        gold.quoted = _quoted_words(text, gold.content)
        out.append(gold)
    return out


_MARK = re.compile(r"``|''|[“”\"‘’]")


def _quoted_words(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Word spans inside quotation marks, pairing the marks of each piece in order.

    Marks: “ ” " ‘ ’ and the ``''``/```` pairs of some newspapers; a ’ or ‘ between
    letters is an apostrophe, and a closing ’ only counts after an opening ‘.
    """
    regions = []
    for s, e in pieces:
        opened = None
        single = False
        first = True
        for m in _MARK.finditer(text, s, e):
            mark, i = m.group(0), m.start()
            before = text[i - 1] if i > 0 else " "
            after = text[m.end()] if m.end() < len(text) else " "
            if mark in "‘’" and before.isalnum() and after.isalnum():
                continue
            if mark == "’" and not (opened is not None and single):
                continue
            opening = mark in ("“", "‘", "``") or (
                mark in ('"', "''")
                and (opened is None or not (before.isalnum() or before in ".,!?…"))
                and not after.isspace()
            )
            if opening and opened is None:
                opened, single = m.end(), mark == "‘"
            elif not opening and opened is not None:
                regions.append((opened, i))
                opened = None
            elif not opening and first:
                regions.append((s, i))
            first = False
        if opened is not None:
            regions.append((opened, e))
    return [m.span() for rs, re_ in regions for m in _WORD.finditer(text, rs, re_)]


def load(split: str, shared: str | None = None) -> list[Article]:
    base = shared_dir(shared) / "eval" / "polnear"
    articles = []
    for row in _metadata(base):
        compartment, publisher = row["compartment"], row["publisher"]
        if not _in_split(split, compartment, publisher):
            continue
        name = row["filename"]
        text_path = base / compartment / "text" / f"{name}.txt"
        annotator = sorted(row["annotators"].split("|"))[0]
        ann_path = base / compartment / "attributions" / f"{name}_{annotator}.ann"
        if not text_path.exists() or not ann_path.exists():
            continue
        text = text_path.read_text(encoding="utf-8")
        articles.append(
            Article(
                name,
                compartment,
                publisher,
                row["publication_date"],
                text,
                read_ann(ann_path, text),
            )
        )
    return articles


def _in_split(split: str, compartment: str, publisher: str) -> bool:
    if split == "dev":
        return compartment == "dev"
    if split == "read":
        return compartment == "dev" and publisher in READ_PUBLISHERS
    if split == "unseen":
        return publisher in UNSEEN_PUBLISHERS
    if split == "train":
        return compartment == "train" and publisher in READ_PUBLISHERS
    raise ValueError(f"unknown split {split!r}")


# --------------------------------------------------------------------------- predicting


def predict(articles: list[Article]) -> pd.DataFrame:
    """Quotes from the pipeline, with every offset mapped back to the raw text."""
    import newsanalysis as na

    from ..clean import to_raw

    frame = pd.DataFrame(
        {
            "article_id": [a.article_id for a in articles],
            "text": [a.text for a in articles],
            "published": [a.published for a in articles],
            "language": "en",
        }
    )
    result = na.analyze(frame, engine="serial", progress=False)
    offsets = dict(zip(result.articles["article_id"], result.articles["offsets"], strict=True))
    quotes = result.quotes.copy()
    for a, b in (("start", "end"), ("speaker_start", "speaker_end")):
        mapped = [
            to_raw(offsets[aid], int(s), int(e)) if pd.notna(s) else (None, None)
            for aid, s, e in zip(quotes["article_id"], quotes[a], quotes[b], strict=True)
        ]
        quotes[a] = [m[0] for m in mapped]
        quotes[b] = [m[1] for m in mapped]
    return quotes


# --------------------------------------------------------------------------- scoring


def _name_words(text: str, ignore: frozenset[str]) -> set[str]:
    return {
        w.lower() for w in _WORD.findall(text or "") if w[0].isupper() and w.lower() not in ignore
    }


def speaker_ok(gold: Gold, pred: pd.Series, ignore: frozenset[str]) -> bool:
    s, e = pred.get("speaker_start"), pred.get("speaker_end")
    if pd.notna(s) and any(s < ge and e > gs for gs, ge in gold.source):
        return True
    names = _name_words(gold.source_text, ignore)
    for value in (pred.get("speaker"), pred.get("speaker_surface")):
        if isinstance(value, str) and names & _name_words(value, ignore):
            return True
    return False


def _match(golds: list[Gold], preds: pd.DataFrame, units: str) -> dict[int, int]:
    candidates = []
    for gi, g in enumerate(golds):
        words = g.quoted if units == "quoted" else g.words
        if not words:
            continue
        for pi, p in preds.iterrows():
            covered = sum(1 for s, e in words if s >= p["start"] and e <= p["end"])
            if covered / len(words) >= 0.5:
                candidates.append((covered / len(words), gi, pi))
    candidates.sort(key=lambda c: -c[0])
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, pi in candidates:
        if gi not in matched and pi not in used:
            matched[gi] = pi
            used.add(pi)
    return matched


def _fold_partials(preds: pd.DataFrame) -> pd.DataFrame:
    """Drop partial quotes lying inside an indirect quote with the same speaker."""
    indirect = preds[preds["kind"] == "indirect"]
    keep = []
    for _, p in preds.iterrows():
        inside = p["kind"] == "partial" and any(
            i["start"] <= p["start"] and p["end"] <= i["end"] and _same(i["speaker"], p["speaker"])
            for _, i in indirect.iterrows()
        )
        keep.append(not inside)
    return preds[keep]


def _same(a, b) -> bool:
    return (pd.isna(a) and pd.isna(b)) or (not pd.isna(a) and not pd.isna(b) and a == b)


def score(articles: list[Article], predictions: pd.DataFrame) -> dict:
    from ..extract.quote_lexicon import lexicon

    lex = lexicon("en")
    ignore = (lex.titles | lex.speaker_words) if lex else frozenset()
    by_article = dict(tuple(predictions.groupby("article_id"))) if len(predictions) else {}
    counts = {k: [0, 0, 0, 0, 0] for k in ("direct", "all")}  # tp, pred, gold, speaker, with source
    errors = []
    for article in articles:
        preds = by_article.get(article.article_id, predictions.iloc[0:0])
        for mode in ("direct", "all"):
            if mode == "direct":
                golds = [g for g in article.gold if g.direct]
                chosen = preds[preds["kind"].isin(["direct", "partial"])].reset_index(drop=True)
            else:
                golds = article.gold
                chosen = _fold_partials(preds).reset_index(drop=True)
            matched = _match(golds, chosen, "quoted" if mode == "direct" else "words")
            c = counts[mode]
            c[0] += len(matched)
            c[1] += len(chosen)
            c[2] += len(golds)
            for gi, g in enumerate(golds):
                if gi not in matched:
                    if mode == "direct":
                        errors.append(
                            (article.article_id, "missed", _content(article, g), g.source_text, "")
                        )
                    continue
                p = chosen.loc[matched[gi]]
                if not g.source:
                    continue
                c[4] += 1
                if speaker_ok(g, p, ignore):
                    c[3] += 1
                elif mode == "direct":
                    errors.append(
                        (
                            article.article_id,
                            "speaker",
                            _content(article, g),
                            g.source_text,
                            f"{p['speaker']} ({p['speaker_surface']})",
                        )
                    )
            if mode == "direct":
                hit = set(matched.values())
                for pi, p in chosen.iterrows():
                    if pi not in hit:
                        errors.append(
                            (
                                article.article_id,
                                "extra",
                                article.text[int(p["start"]) : int(p["end"])],
                                "",
                                f"{p['speaker']} [{p['kind']}]",
                            )
                        )
    out = {}
    for mode, (tp, n_pred, n_gold, right, with_source) in counts.items():
        precision, recall, f1 = prf(tp, n_pred - tp, n_gold - tp)
        out[mode] = {
            "gold": n_gold,
            "predicted": n_pred,
            "matched": tp,
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "speaker_accuracy": right / with_source if with_source else 0.0,
        }
    out["errors"] = pd.DataFrame(
        errors, columns=["article", "error", "text", "gold_source", "predicted"]
    )
    return out


def _content(article: Article, g: Gold) -> str:
    return " … ".join(article.text[s:e] for s, e in g.content)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", help="path of the shared data folder (default ../shared)")
    parser.add_argument(
        "--split",
        choices=["dev", "read", "unseen", "train"],
        action="append",
        help="dev (default), read, unseen (never read), train; repeatable",
    )
    parser.add_argument(
        "--errors", action="store_true", help="list direct-quote errors (split read only)"
    )
    args = parser.parse_args(argv)
    splits = args.split or ["dev"]
    if args.errors and splits != ["read"]:
        parser.error("--errors lists only split 'read' (use --split read)")
    for split in splits:
        articles = load(split, args.shared)
        r = score(articles, predict(articles))
        print(f"PolNeAR {split}: {len(articles)} articles")
        for mode, label in (("direct", "direct quotes"), ("all", "all attributions")):
            m = r[mode]
            print(
                f"  {label:17s} gold {m['gold']:5d}  predicted {m['predicted']:5d}"
                f"  P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}"
                f"  speaker accuracy {m['speaker_accuracy']:.3f}"
            )
        if args.errors:
            with pd.option_context(
                "display.width", 250, "display.max_colwidth", 120, "display.max_rows", 3000
            ):
                print(r["errors"].to_string())


if __name__ == "__main__":
    main()
