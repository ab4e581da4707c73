"""Train the shipped quote-sentiment models and print their figures.

    .venv/bin/python scripts/train_sentiment.py            # writes newsanalysis/resources/sentiment/
    .venv/bin/python scripts/train_sentiment.py --dry-run  # figures only

Reproducible (fixed seeds, deterministic solvers). Needs the ``dev`` extra (scikit-learn,
vaderSentiment) and ``../shared/eval/sentiment``. What it does:

1. Indonesian: SmSA train + NusaX Indonesian train, minus every sentence that is a (near)
   duplicate of a sentence of SmSA valid or NusaX Indonesian valid; features from
   :func:`newsanalysis.extract.sentiment.featurize` (the language-pack rules), kept when
   seen in >= 2 sentences; multinomial logistic regression, C chosen by 5-fold
   cross-validation on the training data only, temperature fitted on out-of-fold logits.
2. English bridge: an English -> Indonesian word table from IBM Model 1 alignment of the
   500 NusaX parallel training pairs.
3. English: NusaX English train; features = the rules' words and pairs + two VADER
   lexicon features + the logits of an auxiliary Indonesian model (trained without the
   NusaX training sentences, so no sentence is scored by a model that saw its own
   translation) on the word-by-word rendering. Same CV and calibration.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.optimize import minimize_scalar
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsanalysis.evaluate import sentiment as ev  # noqa: E402
from newsanalysis.extract import sentiment as sa  # noqa: E402
from newsanalysis.lang import get_pack  # noqa: E402

SEED = 13
ID_C_GRID = (3.0, 10.0, 30.0)
EN_C_GRID = (0.3, 1.0, 3.0)
# NusaX English (500 tweets/reviews) next to ~5,900 NewsMTSC news sentences: each NusaX
# sentence counts this many times, so that the tweet/review domain is not drowned out
EN_NUSAX_WEIGHT = 8.0
MIN_DF = 2
OUT = ROOT / "newsanalysis" / "resources" / "sentiment"
LEXICON_FILE = "vader_lexicon.tsv"
EN_NEWS_LEXICON_FILE = "lexicon_en_news.tsv"  # hand-written, see its header
ID_LEXICON_FILE = "lexicon_id_news.tsv"  # hand-written, see its header
BRIDGE_FILE = "bridge_en_id.tsv"
# Log-odds added to each class (negative, neutral, positive) after calibration, for the
# news domain: neutral dominates quoted news statements but is the rarest class of the
# review/tweet training data (11 % in Indonesian). Chosen from 0 / 0.5 / 1 / 1.25 / 1.5 / 2
# as the best news dev figure (gold/sentiment/dev_id.tsv) that keeps the id/en agreement
# on NusaX valid pairs >= 0.80: the dev set alone prefers 1.0 (macro-F1 0.646; 0.642 at
# 1.25, 0.632 at 1.5), but 1.0 brings the agreement down to 0.79 (0.81 at 1.25).
# EM re-estimation of the priors on unlabelled CLICK-ID quotes (Saerens et al. 2002) was
# tried and made the dev figures worse (the review model's p(x|y) does not hold on news).
# English trains on news (NewsMTSC) and needs no shift (the dev set preferred 0).
PRIOR_SHIFT = {"id": [0.0, 1.25, 0.0], "en": [0.0, 0.0, 0.0]}
LABEL_INDEX = {label: k for k, label in enumerate(sa.LABELS)}


# --------------------------------------------------------------------------- helpers


def dedupe(train, references, name: str):
    """Drop training rows that (nearly) repeat a reference sentence; print how many."""
    flags = ev.near_duplicates(list(train.text), list(references))
    kept = train[[not f for f in flags]].reset_index(drop=True)
    print(f"  de-duplication against {name}: removed {sum(flags)} of {len(train)} sentences")
    return kept


def vectorize(feature_dicts, min_df: int = MIN_DF):
    """A DictVectorizer restricted to features seen in >= ``min_df`` sentences."""
    df = Counter(name for feats in feature_dicts for name in feats)
    keep = {name for name, n in df.items() if n >= min_df}
    vectorizer = DictVectorizer(dtype=np.float64, sort=True)
    vectorizer.fit([{k: v for k, v in feats.items() if k in keep} for feats in feature_dicts])
    return vectorizer


def fit_lr(X, y, C: float, weight=None) -> LogisticRegression:
    model = LogisticRegression(C=C, max_iter=3000, tol=1e-4, random_state=SEED)
    return model.fit(X, y, sample_weight=weight)


def cross_validate(X, y, grid, weight=None) -> tuple[float, np.ndarray, dict[float, float]]:
    """Best C by 5-fold macro-F1, with the out-of-fold logits of that C."""
    folds = list(StratifiedKFold(5, shuffle=True, random_state=SEED).split(X, y))
    best = None
    scores = {}
    for C in grid:
        logits = np.zeros((len(y), 3))
        for train, test in folds:
            model = fit_lr(X[train], y[train], C, None if weight is None else weight[train])
            logits[test] = model.decision_function(X[test])
        scores[C] = f1_score(y, logits.argmax(axis=1), average="macro")
        if best is None or scores[C] > scores[best[0]]:
            best = (C, logits)
    return best[0], best[1], scores


def fit_temperature(logits: np.ndarray, y: np.ndarray) -> float:
    """The temperature that minimises the log-loss of out-of-fold logits."""

    def nll(t: float) -> float:
        z = logits / t
        z = z - z.max(axis=1, keepdims=True)
        log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return -float(log_p[np.arange(len(y)), y].mean())

    return float(minimize_scalar(nll, bounds=(0.2, 5.0), method="bounded").x)


def expected_calibration_error(probabilities: np.ndarray, y: np.ndarray, bins: int = 10) -> float:
    confidence = probabilities.max(axis=1)
    correct = probabilities.argmax(axis=1) == y
    edges = np.linspace(0, 1, bins + 1)
    error = 0.0
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        mask = (confidence > lo) & (confidence <= hi)
        if mask.any():
            error += mask.mean() * abs(correct[mask].mean() - confidence[mask].mean())
    return error


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def train_sparse(
    texts, labels, language: str, name: str, grid, dense=None, dense_names=(), weight=None
):
    """Fit one model (rules' features [+ dense columns]); return arrays and CV figures."""
    rules = sa.rules_for(language)
    feature_dicts = [sa.featurize(t, rules) for t in texts]
    vectorizer = vectorize(feature_dicts)
    X = vectorizer.transform(feature_dicts).tocsr()
    if dense is not None:
        from scipy.sparse import csr_matrix, hstack

        X = hstack([X, csr_matrix(dense)]).tocsr()
    y = np.array([LABEL_INDEX[label] for label in labels])
    if len(grid) == 1:  # no choice to make: fit once, no calibration needed
        model = fit_lr(X, y, grid[0])
        print(
            f"  {name}: {len(y)} sentences, {len(vectorizer.vocabulary_)} features, C={grid[0]:g}"
        )
        return _arrays(model, vectorizer, language, dense_names, 1.0, grid[0])
    C, oof_logits, scores = cross_validate(X, y, grid, weight)
    temperature = fit_temperature(oof_logits, y)
    oof_probabilities = softmax(oof_logits / temperature)
    print(
        f"  {name}: {len(y)} sentences, {len(vectorizer.vocabulary_)} features; 5-fold CV "
        f"macro-F1 by C: " + ", ".join(f"{c:g}={s:.3f}" for c, s in scores.items())
    )
    print(
        f"  {name}: C={C:g}, temperature={temperature:.3f}, out-of-fold ECE "
        f"{expected_calibration_error(softmax(oof_logits), y):.3f} -> "
        f"{expected_calibration_error(oof_probabilities, y):.3f} after calibration"
    )
    arrays = _arrays(fit_lr(X, y, C, weight), vectorizer, language, dense_names, temperature, C)
    arrays["meta"]["train_priors"] = [float(np.mean(y == k)) for k in range(3)]
    return arrays


def _arrays(model, vectorizer, language, dense_names, temperature, C):
    n_sparse = len(vectorizer.vocabulary_)
    coef = model.coef_.T  # (n_features, 3)
    return {
        "vocabulary": np.array(vectorizer.feature_names_, dtype=str),
        "weights": coef[:n_sparse].astype(np.float32),
        "dense_names": np.array(list(dense_names), dtype=str),
        "dense_weights": coef[n_sparse:].astype(np.float32).reshape(-1, 3),
        "bias": model.intercept_.astype(np.float32),
        "meta": {"language": language, "temperature": temperature, "C": C},
    }


def to_model(arrays) -> sa.Model:
    """The runtime model for in-memory arrays (as if saved and loaded)."""
    return sa.Model(
        language=arrays["meta"]["language"],
        vocabulary={w: i for i, w in enumerate(arrays["vocabulary"].tolist())},
        weights=arrays["weights"].astype(np.float64),
        bias=arrays["bias"].astype(np.float64),
        dense_names=tuple(arrays["dense_names"].tolist()),
        dense_weights=arrays["dense_weights"].astype(np.float64),
        temperature=arrays["meta"]["temperature"],
        meta=arrays["meta"],
    )


def load_arrays(path: Path) -> dict:
    with np.load(path, allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    arrays["meta"] = json.loads(str(arrays["meta"]))
    return arrays


def save(arrays, path: Path) -> None:
    np.savez_compressed(
        path,
        vocabulary=arrays["vocabulary"],
        weights=arrays["weights"],
        bias=arrays["bias"],
        dense_names=arrays["dense_names"],
        dense_weights=arrays["dense_weights"],
        meta=np.array(json.dumps(arrays["meta"], sort_keys=True)),
    )
    print(f"  wrote {path.relative_to(ROOT)} ({path.stat().st_size / 1024:.0f} KiB)")


# --------------------------------------------------------------------------- bridge


def ibm1_table(
    pairs,
    valence: dict[str, float],
    iterations: int = 15,
    min_count: int = 2,
    min_prob: float = 0.15,
):
    """English -> Indonesian word table by IBM Model 1 (EM over sentence pairs).

    On the Indonesian side a negated word is one unit with its negator ("tidak enak"),
    so that "bad" can map to "tidak enak" rather than to "enak". A negation is a
    legitimate rendering only of an English negator or a word of negative valence in
    the English lexicon; other words (500 pairs are few) drop that candidate.
    """
    en_rules, id_rules = sa.rules_for("en"), sa.rules_for("id")
    negator = get_pack("id")["sentiment"]["negators"][0]
    function_words = set(get_pack("en").words("text", "function_words"))

    def en_words(text):
        return [t.word for t in sa.tokenize(text, en_rules) if not t.boundary]

    def id_words(text):
        return [
            f"{negator} {t.word}" if t.negated else t.word
            for t in sa.tokenize(text, id_rules)
            if not t.boundary
        ]

    corpus = [(en_words(en), id_words(id_)) for en, id_ in pairs]
    en_counts = Counter(w for e, _ in corpus for w in set(e))
    t: dict[tuple[str, str], float] = defaultdict(lambda: 1.0)
    for _ in range(iterations):
        counts: dict[tuple[str, str], float] = defaultdict(float)
        totals: dict[str, float] = defaultdict(float)
        for en, id_ in corpus:
            sources = en + [None]
            for f in id_:
                norm = sum(t[(f, e)] for e in sources)
                for e in sources:
                    c = t[(f, e)] / norm
                    counts[(f, e)] += c
                    totals[e] += c
        t = defaultdict(float, {(f, e): c / totals[e] for (f, e), c in counts.items()})
    best: dict[str, tuple[float, str]] = {}
    for (f, e), p in t.items():
        if e is None:
            continue
        if e in function_words and not (en_rules.is_negator(e) or e in en_rules.contrast):
            continue  # "the", "is": IBM Model 1 pairs them with frequent content words
        if f.split(" ")[0] in id_rules.negators and not (
            en_rules.is_negator(e) or valence.get(e, 0.0) < 0
        ):
            continue
        if e not in best or p > best[e][0]:
            best[e] = (p, f)
    table = {e: f for e, (p, f) in best.items() if en_counts[e] >= min_count and p >= min_prob}
    return dict(sorted(table.items()))


def write_bridge(table: dict[str, str], path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        handle.write(
            "# English -> Indonesian word table (IBM Model 1 on the NusaX-senti parallel\n"
            "# training pairs; made by scripts/train_sentiment.py). CC BY-SA 4.0 (NusaX).\n"
        )
        for en, id_ in table.items():
            handle.write(f"{en}\t{id_}\n")
    print(f"  wrote {path.relative_to(ROOT)} ({len(table)} words)")


def read_vader() -> dict[str, float]:
    """VADER's lexicon (single words, mean valence) from the installed vaderSentiment."""
    import vaderSentiment

    source = Path(vaderSentiment.__file__).parent / "vader_lexicon.txt"
    valence = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].isalpha() and parts[0].islower():
            valence[parts[0]] = float(parts[1])
    return valence


def write_lexicon(valence: dict[str, float], path: Path) -> None:
    from importlib.metadata import distribution

    licence = distribution("vaderSentiment").read_text("LICENSE.txt") or ""
    with path.open("w", encoding="utf-8") as handle:
        handle.write(
            "# VADER sentiment lexicon: word<TAB>mean valence (-4..4), single lower-case words.\n"
            "# From vaderSentiment 3.3.2 (C.J. Hutto; github cjhutto/vaderSentiment);\n"
            "# extracted by scripts/train_sentiment.py. Its licence:\n#\n"
        )
        handle.writelines(f"# {line}".rstrip() + "\n" for line in licence.splitlines())
        for word, value in sorted(valence.items()):
            handle.write(f"{word}\t{value:g}\n")
    print(f"  wrote {path.relative_to(ROOT)} ({len(valence)} words)")


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", help="shared data folder (default ../shared)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--dry-run", action="store_true", help="do not write the resources")
    parser.add_argument(
        "--dev-only", action="store_true", help="final figures without the held-out tables"
    )
    parser.add_argument(
        "--reuse-id",
        action="store_true",
        help="keep the existing model-id.npz (retrain only the bridge and the English model)",
    )
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    print("data")
    smsa_train, smsa_valid = ev.load_smsa("train", args.shared), ev.load_smsa("valid", args.shared)
    nx_id_train = ev.load_nusax("indonesian", "train", args.shared)
    nx_id_valid = ev.load_nusax("indonesian", "valid", args.shared)
    nx_en_train = ev.load_nusax("english", "train", args.shared)
    id_train = pd.concat([smsa_train, nx_id_train[["text", "label"]]], ignore_index=True)
    valid_sentences = list(smsa_valid.text) + list(nx_id_valid.text)
    id_train = dedupe(id_train, valid_sentences, "SmSA valid + NusaX-id valid")

    print("Indonesian model")
    if args.reuse_id and (out / "model-id.npz").exists():
        id_arrays = load_arrays(out / "model-id.npz")
        print(f"  reusing {out / 'model-id.npz'} (C={id_arrays['meta']['C']:g})")
    else:
        id_arrays = train_sparse(id_train.text, id_train.label, "id", "id", ID_C_GRID)

    print("English -> Indonesian bridge")
    valence = read_vader()
    table = ibm1_table(list(zip(nx_en_train.text, nx_id_train.text, strict=True)), valence)
    bridge_path = out / BRIDGE_FILE
    if not args.dry_run:
        write_bridge(table, bridge_path)
    news_words = sa.load_lexicon(EN_NEWS_LEXICON_FILE)
    lexicon = sa.Lexicon({**valence, **news_words.valence}, news_words.phrases)
    if not args.dry_run:
        write_lexicon(valence, out / LEXICON_FILE)

    print("auxiliary Indonesian model for the bridge features (without NusaX train)")
    aux_train = dedupe(
        id_train[~id_train.text.isin(set(nx_id_train.text))],
        list(nx_id_train.text),
        "NusaX-id train",
    )
    aux_C = id_arrays["meta"]["C"]
    aux = to_model(train_sparse(aux_train.text, aux_train.label, "id", "id-aux", (aux_C,)))

    print("English model")
    news = ev.load_newsmtsc(args.shared)
    news = news[~news.heldout]
    english_news = [ev.load_dev("en", args.shared).text, ev.load_statements("en").text]
    news = dedupe(news, [t for texts in english_news for t in texts], "the English news dev/test")
    en_train = pd.concat(
        [nx_en_train[["text", "label"]], news[["text", "label"]]], ignore_index=True
    )
    weight = np.r_[np.full(len(nx_en_train), EN_NUSAX_WEIGHT), np.ones(len(news))]
    print(
        f"  NusaX English train ({len(nx_en_train)}, weight {EN_NUSAX_WEIGHT:g}) + NewsMTSC "
        f"training folds ({len(news)} sentences whose targets agree; fold 0 held out)"
    )
    en_rules, id_rules = sa.rules_for("en"), sa.rules_for("id")
    tokens = [sa.tokenize(t, en_rules) for t in en_train.text]
    lex = np.array(
        [
            [f["lexicon:positive"], f["lexicon:negative"]]
            for f in (lexicon.features(toks, en_rules) for toks in tokens)
        ]
    )
    rendered = [sa.render(toks, table) for toks in tokens]
    bridge_logits = aux.logits([sa.featurize(r, id_rules) for r in rendered])
    dense = np.hstack([lex, bridge_logits])
    en_y = np.array([LABEL_INDEX[label] for label in en_train.label])
    dense_names = ("lexicon:positive", "lexicon:negative") + tuple(
        f"bridge:{label}" for label in sa.LABELS
    )
    en_arrays = train_sparse(
        en_train.text,
        en_train.label,
        "en",
        "en",
        EN_C_GRID,
        dense=dense,
        dense_names=dense_names,
        weight=weight,
    )
    en_arrays["meta"].update(
        {
            "lexicon": [LEXICON_FILE, EN_NEWS_LEXICON_FILE],
            "bridge_language": "id",
            "bridge_table": BRIDGE_FILE,
        }
    )
    print(
        "  dense weights (rows: "
        + ", ".join(dense_names)
        + "; columns: negative neutral positive):\n"
        + "\n".join(
            f"    {n:<17} " + " ".join(f"{w:+.2f}" for w in row)
            for n, row in zip(dense_names, en_arrays["dense_weights"], strict=True)
        )
    )

    # The Indonesian news lexicon has no training data of its own (SmSA and NusaX are
    # reviews and tweets, without political vocabulary). Its two features enter the
    # Indonesian model with the weights of a lexicon-only model of the English training
    # data (same -4..4 scale): in the Indonesian model the lexicon has to carry the news
    # words alone, as it does there, whereas in the full English model the sparse words
    # share that work and the lexicon weights come out smaller.
    lexicon_only = fit_lr(lex, en_y, 1.0, weight)
    print(
        "  lexicon-only English model, weights given to the Indonesian news lexicon:\n"
        + "\n".join(
            f"    {n:<17} " + " ".join(f"{w:+.2f}" for w in row)
            for n, row in zip(dense_names[:2], lexicon_only.coef_.T, strict=True)
        )
    )
    id_arrays["dense_names"] = np.array(["lexicon:positive", "lexicon:negative"], dtype=str)
    id_arrays["dense_weights"] = lexicon_only.coef_.T.astype(np.float32)
    id_arrays["meta"]["lexicon"] = ID_LEXICON_FILE
    id_arrays["meta"]["prior_shift"] = PRIOR_SHIFT["id"]
    en_arrays["meta"]["prior_shift"] = PRIOR_SHIFT["en"]

    if args.dry_run:
        print("dry run: nothing written")
        return
    save(id_arrays, out / "model-id.npz")
    save(en_arrays, out / "model-en.npz")
    for loader in (sa.load_model, sa.load_word_table, sa.load_lexicon, sa.load_lexicons):
        loader.cache_clear()

    print("\nfigures of the shipped models (python -m newsanalysis.evaluate.sentiment)")
    ev.evaluate(args.shared, held_out=not args.dev_only)


if __name__ == "__main__":
    main()
