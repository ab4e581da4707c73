"""Accuracy of language detection (:func:`newsanalysis.lang.detect.detect_language`).

Texts with a known language, read from ``../shared`` at run time:

- Indonesian: NusaX-senti (Indonesian, valid), SmSA (valid): one-sentence reviews and
  comments; CLICK-ID headlines (the ``title`` column of ``tribunnews.csv``).
- English: NusaX-senti (English, valid), PolNeAR dev articles (long news texts) and
  their headlines (``metadata.tsv``).
- Other languages: :data:`OTHER_SENTENCES` below (one news-style sentence per language,
  written for this check), since ../shared holds no other language.

Texts are grouped as ``short`` (fewer than 8 words: headlines, comments) and ``long``.
Prints, per language, precision / recall / F1 over every text, and accuracy per source.

``--split dev`` (default) is the set the detector's thresholds were chosen on:
NusaX/SmSA ``valid``, PolNeAR ``dev``, Tribunnews headlines. ``--split heldout`` was not
looked at while choosing them: NusaX ``train``, SmSA ``train`` (first 3,000), PolNeAR
``train``, Kompas headlines.

    python -m newsanalysis.evaluate.language [--split dev|heldout] [--shared DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import csv
import time
from collections import Counter, defaultdict
from pathlib import Path

from ..lang.detect import detect_language
from . import prf, shared_dir

#: one sentence each in languages that have no pack (expected: "other")
OTHER_SENTENCES = {
    "fr": "Le président a rencontré hier le Premier ministre pour discuter de la réforme.",
    "de": "Die Bundeskanzlerin traf am Montag den russischen Präsidenten in Berlin.",
    "es": "El presidente se reunió con el primer ministro en Madrid el martes.",
    "it": "Il presidente del Consiglio ha incontrato il ministro degli Esteri a Roma.",
    "nl": "De minister-president sprak dinsdag met de Duitse bondskanselier in Den Haag.",
    "pt": "O presidente recebeu o primeiro-ministro no palácio do Planalto nesta terça.",
    "tr": "Cumhurbaşkanı Erdoğan, Rusya Devlet Başkanı Putin ile telefonda görüştü.",
    "vi": "Thủ tướng đã có cuộc gặp với Tổng thống Indonesia tại Hà Nội hôm thứ Ba.",
    "ru": "Президент России встретился с председателем КНР в Москве во вторник.",
    "zh": "中国国家主席习近平周一在莫斯科与俄罗斯总统普京举行会谈。",
    "ar": "التقى الرئيس الإندونيسي بنظيره الماليزي في جاكرتا يوم الاثنين.",
    "ja": "岸田首相は月曜日、東京でインドネシアのジョコ大統領と会談した。",
    "tl": "Nakipagpulong ang pangulo sa mga lider ng ASEAN sa Maynila noong Lunes.",
    "sw": "Rais alikutana na waziri mkuu wa Kenya mjini Nairobi siku ya Jumanne.",
}


_SPLITS = {  # split -> (NusaX/SmSA file stem, PolNeAR compartment, CLICK-ID outlet)
    "dev": ("valid", "dev", "tribunnews.csv"),
    "heldout": ("train", "train", "kompas.xlsx"),
}


def _nusax(shared: Path, language: str, split: str, limit: int | None) -> list[str]:
    path = shared / "eval" / "sentiment" / "nusax" / language / f"{_SPLITS[split][0]}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return [row["text"] for row in csv.DictReader(handle)][:limit]


def _smsa(shared: Path, split: str, limit: int | None) -> list[str]:
    path = shared / "eval" / "sentiment" / "smsa" / f"{_SPLITS[split][0]}.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t")[0] for line in lines if line.strip()][: limit or 3000]


def _polnear(shared: Path, split: str, limit: int | None) -> tuple[list[str], list[str]]:
    folder = shared / "eval" / "polnear"
    compartment = _SPLITS[split][1]
    paths = sorted((folder / compartment / "text").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    with (folder / "metadata.tsv").open(encoding="utf-8", newline="") as handle:
        titles = [
            row["title"]
            for row in csv.DictReader(handle, delimiter="\t")
            if row["title"] and row["compartment"] == compartment
        ]
    return texts[:limit], titles[:limit]


def _click_id_titles(shared: Path, split: str, limit: int | None) -> list[str]:
    from ..load.readers import read_csv_frame, read_excel_frame

    path = shared / "corpus" / "click-id" / _SPLITS[split][2]
    frame = read_csv_frame(path) if path.suffix == ".csv" else read_excel_frame(path)
    return [str(t) for t in frame["title"].dropna()][:limit]


def samples(
    shared: Path, split: str = "dev", limit: int | None = None
) -> list[tuple[str, str, str]]:
    """``(source, expected language, text)`` for every text of the evaluation."""
    out: list[tuple[str, str, str]] = []
    out += [("nusax-id", "id", t) for t in _nusax(shared, "indonesian", split, limit)]
    out += [("smsa", "id", t) for t in _smsa(shared, split, limit)]
    out += [("click-id titles", "id", t) for t in _click_id_titles(shared, split, limit)]
    out += [("nusax-en", "en", t) for t in _nusax(shared, "english", split, limit)]
    texts, titles = _polnear(shared, split, limit)
    out += [("polnear articles", "en", t) for t in texts]
    out += [("polnear titles", "en", t) for t in titles]
    out += [(f"other ({code})", "other", t) for code, t in OTHER_SENTENCES.items()]
    return out


def evaluate(shared: Path, split: str = "dev", limit: int | None = None) -> dict:
    """Counts and scores of the detector on :func:`samples`."""
    by_source: dict[str, Counter] = defaultdict(Counter)
    by_length: dict[str, Counter] = defaultdict(Counter)
    confusion: Counter = Counter()
    errors: list[tuple[str, str, str, str]] = []
    started = time.perf_counter()
    items = samples(shared, split, limit)
    for source, expected, text in items:
        got = detect_language(text)
        confusion[(expected, got)] += 1
        length = "short" if len(text.split()) < 8 else "long"
        for counter in (by_source[source], by_length[f"{expected} {length}"]):
            counter["n"] += 1
            counter["ok"] += got == expected
        if got != expected:
            errors.append((source, expected, got, text[:90]))
    seconds = time.perf_counter() - started
    return {
        "by_source": by_source,
        "by_length": by_length,
        "confusion": confusion,
        "errors": errors,
        "n": len(items),
        "seconds": seconds,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=sorted(_SPLITS), default="dev")
    parser.add_argument("--shared", help="the shared data folder (default: ../shared)")
    parser.add_argument("--limit", type=int, help="at most N texts per source")
    parser.add_argument("--show-errors", type=int, default=10, metavar="N")
    args = parser.parse_args(argv)
    result = evaluate(shared_dir(args.shared), args.split, args.limit)
    confusion = result["confusion"]
    labels = ["id", "en", "other"]
    print(
        f"language detection, {args.split} split: {result['n']:,} texts "
        f"({result['seconds']:.1f} s)\n"
    )
    print(f"{'language':<10}{'precision':>10}{'recall':>10}{'F1':>10}{'texts':>8}")
    for label in labels:
        tp = confusion[(label, label)]
        fp = sum(confusion[(other, label)] for other in labels if other != label)
        fn = sum(confusion[(label, other)] for other in labels if other != label)
        p, r, f = prf(tp, fp, fn)
        print(f"{label:<10}{p:>10.3f}{r:>10.3f}{f:>10.3f}{tp + fn:>8}")
    total_ok = sum(confusion[(label, label)] for label in labels)
    print(f"\naccuracy {total_ok / result['n']:.3f}\n")
    print(f"{'source':<22}{'accuracy':>10}{'texts':>8}")
    for source, counts in sorted(result["by_source"].items()):
        print(f"{source:<22}{counts['ok'] / counts['n']:>10.3f}{counts['n']:>8}")
    print(f"\n{'language / length':<22}{'accuracy':>10}{'texts':>8}")
    for key, counts in sorted(result["by_length"].items()):
        print(f"{key:<22}{counts['ok'] / counts['n']:>10.3f}{counts['n']:>8}")
    if args.show_errors and result["errors"]:
        print(f"\nfirst {args.show_errors} errors (source, expected, got, text):")
        for source, expected, got, text in result["errors"][: args.show_errors]:
            print(f"  {source}: {expected} -> {got}: {text!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
