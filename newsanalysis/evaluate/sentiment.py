"""Score quote sentiment against gold: ``python -m newsanalysis.evaluate.sentiment``.

Prints per-class precision / recall / F1 and macro-F1 on SmSA valid, NusaX Indonesian
and English valid, NewsMTSC train (English political news: the sentence's target
polarity, for sentences whose targets all agree), the Indonesian / English agreement on
the NusaX parallel valid pairs, and the labelled political statements in
``tests/data/sentiment_statements_*.tsv``. The data is read from ``../shared`` at run
time; nothing is copied into the repository. Also holds the loaders and the
de-duplication that ``scripts/train_sentiment.py`` uses.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from . import prf, shared_dir

LABELS = ("negative", "neutral", "positive")
STATEMENTS = Path(__file__).resolve().parents[2] / "tests" / "data"
DEV = Path(__file__).resolve().parents[2] / "gold" / "sentiment"
_NEWSMTSC_LABEL = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
_WORD = re.compile(r"[a-z0-9]+")


# --------------------------------------------------------------------------- data


def sentiment_dir(shared: str | None = None) -> Path:
    return shared_dir(shared) / "eval" / "sentiment"


def load_smsa(split: str, shared: str | None = None) -> pd.DataFrame:
    """SmSA (IndoNLU) ``train`` / ``valid``: columns text, label."""
    path = sentiment_dir(shared) / "smsa" / f"{split}.tsv"
    rows = [line.rstrip("\n").split("\t") for line in path.open(encoding="utf-8") if line.strip()]
    return pd.DataFrame(rows, columns=["text", "label"])


def load_nusax(language: str, split: str, shared: str | None = None) -> pd.DataFrame:
    """NusaX-senti ``indonesian`` / ``english``, ``train`` / ``valid``: id, text, label."""
    path = sentiment_dir(shared) / "nusax" / language / f"{split}.csv"
    return pd.read_csv(path, dtype={"id": str})[["id", "text", "label"]]


def load_newsmtsc(shared: str | None = None) -> pd.DataFrame:
    """NewsMTSC train sentences whose targets share one polarity.

    Columns: text, label, targets, group (the source article) and ``heldout``: the
    articles whose group hashes into fold 0 of 5 (about a fifth). The shipped English
    model trains on the other folds only; figures are reported on the held-out fold.
    """
    rows = []
    path = sentiment_dir(shared) / "newsmtsc" / "train.jsonl"
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            polarities = {t["polarity"] for t in record["targets"]}
            if len(polarities) == 1:
                group = newsmtsc_group(record["primary_gid"])
                rows.append(
                    {
                        "text": record["sentence_normalized"],
                        "label": _NEWSMTSC_LABEL[polarities.pop()],
                        "targets": len(record["targets"]),
                        "group": group,
                        "heldout": _fold(group) == 0,
                    }
                )
    return pd.DataFrame(rows)


def newsmtsc_group(gid: str) -> str:
    """The article of a NewsMTSC sentence id (``allsides_1000_401_25_...`` -> ``allsides_1000``,
    ``polusa_v1_113704059_...`` -> ``polusa_v1_113704059``)."""
    parts = gid.split("_")
    return "_".join(parts[:3] if parts[0] == "polusa" else parts[:2])


def _fold(group: str, folds: int = 5) -> int:
    return int(hashlib.md5(group.encode("utf-8")).hexdigest(), 16) % folds


def load_statements(language: str) -> pd.DataFrame:
    """Our labelled political quotes (labelled before scoring): label, text."""
    path = STATEMENTS / f"sentiment_statements_{language}.tsv"
    return pd.read_csv(path, sep="\t", quoting=3, dtype=str)


def load_dev(language: str, shared: str | None = None) -> pd.DataFrame:
    """The news-domain dev set (``gold/sentiment/dev_{language}.tsv``): label, text, source.

    Indonesian rows carry their text (CLICK-ID, CC BY 4.0). English rows point into
    PolNeAR (``split/document:start:end``), which has no licence and is never copied:
    the text is read from ``../shared/eval/polnear`` here.
    """
    table = pd.read_csv(DEV / f"dev_{language}.tsv", sep="\t", quoting=3, dtype=str)
    if "text" not in table:
        folder = shared_dir(shared) / "eval" / "polnear"
        texts = []
        for source in table.source:
            document, start, end = source.rsplit(":", 2)
            split, name = document.split("/", 1)
            path = folder / split / "text" / (name.rsplit("_", 1)[0] + ".txt")
            texts.append(path.read_text(encoding="utf-8")[int(start) : int(end)])
        table.insert(1, "text", texts)
    return table


# --------------------------------------------------------------------------- de-duplication


def _word_set(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.lower()))


def near_duplicates(
    candidates: Sequence[str], references: Iterable[str], threshold: float = 0.8
) -> list[bool]:
    """For each candidate, whether some reference has the same words or a word-set
    Jaccard similarity >= ``threshold`` (catches re-tokenised and lightly edited copies,
    e.g. a NusaX sentence inside SmSA)."""
    refs = [_word_set(r) for r in references]
    index: dict[str, list[int]] = {}
    for k, words in enumerate(refs):
        for word in words:
            index.setdefault(word, []).append(k)
    flags = []
    for text in candidates:
        words = _word_set(text)
        shared: dict[int, int] = {}
        for word in words:
            for k in index.get(word, ()):
                shared[k] = shared.get(k, 0) + 1
        flags.append(
            bool(words) and any(n / len(words | refs[k]) >= threshold for k, n in shared.items())
        )
    return flags


# --------------------------------------------------------------------------- scoring


def macro_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Mean F1 over the three classes."""
    return sum(_class_prf(gold, predicted, label)[2] for label in LABELS) / len(LABELS)


def _class_prf(gold: Sequence[str], predicted: Sequence[str], label: str):
    tp = sum(g == label and p == label for g, p in zip(gold, predicted, strict=True))
    fp = sum(g != label and p == label for g, p in zip(gold, predicted, strict=True))
    fn = sum(g == label and p != label for g, p in zip(gold, predicted, strict=True))
    return prf(tp, fp, fn)


def report(name: str, gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Print per-class P/R/F1, accuracy and macro-F1; return macro-F1."""
    gold, predicted = list(gold), list(predicted)
    accuracy = sum(g == p for g, p in zip(gold, predicted, strict=True)) / max(len(gold), 1)
    print(f"\n{name}  (n={len(gold)})")
    for label in LABELS:
        p, r, f = _class_prf(gold, predicted, label)
        print(f"  {label:<9} precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
    score = macro_f1(gold, predicted)
    print(f"  accuracy {accuracy:.3f}  macro-F1 {score:.3f}")
    return score


def evaluate(
    shared: str | None = None, newsmtsc: bool = True, held_out: bool = True
) -> dict[str, float]:
    """Run every sentiment evaluation, print it, return the headline figures."""
    from ..extract.sentiment import sentiment

    figures: dict[str, float] = {}
    smsa = load_smsa("valid", shared)
    figures["smsa_valid"] = report("SmSA valid (id)", smsa.label, sentiment(smsa.text, "id"))
    nusax_id = load_nusax("indonesian", "valid", shared)
    nusax_en = load_nusax("english", "valid", shared)
    pred_id = sentiment(nusax_id.text, "id")
    pred_en = sentiment(nusax_en.text, "en")
    figures["nusax_id_valid"] = report("NusaX Indonesian valid", nusax_id.label, pred_id)
    figures["nusax_en_valid"] = report("NusaX English valid", nusax_en.label, pred_en)
    by_id = dict(zip(nusax_en.id, pred_en, strict=True))
    pairs = [(p, by_id[i]) for i, p in zip(nusax_id.id, pred_id, strict=True) if i in by_id]
    figures["nusax_agreement"] = sum(a == b for a, b in pairs) / len(pairs)
    print(
        f"\nNusaX valid parallel pairs: id/en labels agree on "
        f"{figures['nusax_agreement']:.3f} of {len(pairs)} pairs"
    )
    if newsmtsc:
        news = load_newsmtsc(shared)
        news = news[news.heldout]
        figures["newsmtsc_heldout"] = report(
            "NewsMTSC held-out fold (en news, sentence target polarity; not trained on)",
            news.label,
            sentiment(news.text, "en"),
        )
    for language in ("id", "en"):
        table = load_dev(language, shared)
        figures[f"news_dev_{language}"] = report(
            f"News-domain dev quotes ({language}, gold/sentiment)",
            table.label,
            sentiment(table.text, language),
        )
    for language in ("id", "en") if held_out else ():
        table = load_statements(language)
        predicted = sentiment(table.text, language)
        figures[f"statements_{language}"] = report(
            f"Held-out political statements ({language}, tests/data)", table.label, predicted
        )
        agreement = sum(g == p for g, p in zip(table.label, predicted, strict=True)) / len(table)
        figures[f"statements_{language}_agreement"] = agreement
    return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", help="shared data folder (default ../shared)")
    parser.add_argument("--no-newsmtsc", action="store_true", help="skip NewsMTSC")
    parser.add_argument(
        "--dev-only",
        action="store_true",
        help="skip the held-out statement tables (while choosing methods)",
    )
    args = parser.parse_args(argv)
    figures = evaluate(args.shared, newsmtsc=not args.no_newsmtsc, held_out=not args.dev_only)
    print("\nsummary: " + ", ".join(f"{k} {v:.3f}" for k, v in figures.items()))


if __name__ == "__main__":
    main()
