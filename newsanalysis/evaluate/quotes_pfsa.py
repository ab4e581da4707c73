"""Quotes and speakers against PFSA-ID (Indonesian public-figure statements, Kompas).

Run ``python -m newsanalysis.evaluate.quotes_pfsa [--split a|b|all] [--errors]``.
Reads ``eval/pfsa-id/dev-20.txt`` from the shared folder at run time (CC BY-NC-SA:
never copied into the repository).

**The file.** One token and one BILOU tag per line (PERSON, PERSONCOREF, ROLE,
AFFILIATION, CUE, CUECOREF, STATEMENT, ISSUE, ...); a blank line ends a sentence.
Articles are not delimited: an article starts at a sentence with the "CITY, KOMPAS —"
dateline in its first six tokens, or at a sentence with an ISSUE when the current
article already has one (each article has one ISSUE). The tokenizer normalised every
quotation mark to ” and moved a paragraph-opening mark to the end of the previous
sentence.

**Running text.** Each article is rebuilt from its tokens the way a detokenizer
would: no space before ``, . ; : ? ! ) %`` or after ``(``; ``/`` and a hyphen between
two words are attached; a quotation mark opens when it was left at the end of a
sentence or stands between a sentence end / colon and a capital, closes when a
lower-case word or punctuation follows, and otherwise alternates (this reads the
gold statements' own marks right 1648 times out of 1652); an opening mark is attached
to the next word, a closing one to the previous word, and both keep the ” glyph of
the source; a sentence that opens with a quotation mark starts a new paragraph,
other sentences are joined with a space. The text goes
through the real pipeline (``na.analyze``, language "id"); predicted offsets are
mapped back to the rebuilt text with ``clean.to_raw``.

**Statements.** A gold statement is a STATEMENT span (B…L or U; it may run over
several sentences). 824 of the 828 statements are quotation-marked: PFSA-ID does not
annotate indirect speech ("X mengatakan, …" is tagged O). So the predictions scored
are the direct and partial quotes; predicted indirect quotes are only counted.

**Matching.** A gold statement matches a predicted quote when the prediction's span
``[start, end)`` covers at least 50 % of the statement's word tokens (punctuation and
quotation marks excluded). Matching is one-to-one, best coverage first. Precision =
matched predictions / predictions; recall = matched statements / statements.

**Speakers.** The gold speaker of a statement is found from its cue: the CUE or
CUECOREF after the statement in its last sentence (822 statements), else before it in
its first sentence, else in the previous sentence; with none, the previous
statement's speaker. The speaker is the PERSON or PERSONCOREF closest to that cue in
the cue's sentence; for a CUECOREF ("katanya") without one, and for statements
without a cue, the closest PERSON / PERSONCOREF before the statement in the article.
A PERSONCOREF ("Parwati", "Presiden") is completed by the latest PERSON before it
that shares a word with it ("Parwati Surjaudaja"). A predicted speaker is right when
its ``speaker`` or ``speaker_surface`` shares a name word with the gold speaker
(words compared in lower case, titles and role words of the language pack removed;
a role-only gold speaker such as "Presiden" must then appear in the prediction).

**Splits.** Decided before any rule was written: articles are numbered in file order
from 0; split "a" (even numbers) was read while writing rules, split "b" (odd
numbers) was not looked at and is the unseen split. ``--errors`` refuses split "b".

**Reference line.** ``--baseline`` scores, under the same definitions, the naive
quote finder that toggles an "inside quotes" flag at every quotation mark (no
speaker).
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass, field

import pandas as pd

from . import prf, shared_dir

QUOTE_MARKS = frozenset('”“"‘’«»')
_NO_SPACE_BEFORE = frozenset(",.;:?!)]%…")
_NO_SPACE_AFTER = frozenset("([")


@dataclass
class Token:
    text: str
    tag: str  # BILOU tag
    sentence: int
    start: int = -1
    end: int = -1


@dataclass
class Statement:
    tokens: list[int]  # word-token indices of the statement (into Article.tokens)
    start: int
    end: int
    speaker: list[str] = field(default_factory=list)  # gold speaker names / surfaces
    text: str = ""


@dataclass
class Article:
    index: int
    tokens: list[Token]
    text: str = ""
    statements: list[Statement] = field(default_factory=list)

    @property
    def article_id(self) -> str:
        return f"pfsa-{self.index:03d}"


# --------------------------------------------------------------------------- reading


def read_sentences(path) -> list[list[tuple[str, str]]]:
    sentences, current = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            if current:
                sentences.append(current)
                current = []
            continue
        token, tag = line.split("\t")
        current.append((token, tag))
    if current:
        sentences.append(current)
    return sentences


def _label(tag: str) -> str:
    return tag[2:] if tag != "O" else "O"


def split_articles(sentences: list[list[tuple[str, str]]]) -> list[Article]:
    """Articles: a dateline "CITY, KOMPAS —" or a second ISSUE starts a new one."""
    articles: list[list[list[tuple[str, str]]]] = []
    has_issue = False
    for sentence in sentences:
        dateline = any(tok == "KOMPAS" for tok, _ in sentence[:6])
        issue = any(tag in ("B-ISSUE", "U-ISSUE") for _, tag in sentence)
        if not articles or dateline or (issue and has_issue):
            articles.append([])
            has_issue = False
        articles[-1].append(sentence)
        has_issue = has_issue or issue
    out = []
    for index, sents in enumerate(articles):
        tokens = [Token(tok, tag, si) for si, sent in enumerate(sents) for tok, tag in sent]
        out.append(Article(index, tokens))
    return out


def rebuild_text(article: Article) -> None:
    """Detokenize (see the module docstring); sets token offsets and the text."""
    pieces: list[str] = []
    length = 0
    inside = False
    attach_next = True  # no space before the next token
    tokens = article.tokens
    for i, tok in enumerate(tokens):
        is_mark = tok.text in QUOTE_MARKS
        last_of_sentence = i + 1 == len(tokens) or tokens[i + 1].sentence != tok.sentence
        opening = is_mark and _opening(tokens, i, last_of_sentence, inside)
        if i > 0 and opening and last_of_sentence and i + 1 < len(tokens):
            sep = "\n"  # the tokenizer moved a paragraph-opening mark to the previous sentence
        elif attach_next or (is_mark and not opening):
            sep = ""
        elif tok.text in _NO_SPACE_BEFORE or tok.text == "/":
            sep = ""
        elif tok.text == "-" and tokens[i - 1].text[-1:].isalnum():
            sep = ""
        else:
            sep = " "
        pieces.append(sep)
        length += len(sep)
        tok.start = length
        pieces.append(tok.text)
        length += len(tok.text)
        tok.end = length
        if is_mark:
            inside = opening
        attach_next = (
            opening
            or tok.text in _NO_SPACE_AFTER
            or tok.text == "/"
            or (tok.text == "-" and i > 0 and tokens[i - 1].text[-1:].isalnum())
        )
    article.text = "".join(pieces)


def _opening(tokens: list[Token], i: int, last_of_sentence: bool, inside: bool) -> bool:
    """Whether the quotation mark ``tokens[i]`` opens a quote, from its neighbours:
    a mark left at the end of a sentence, or between a sentence end / colon and a
    capitalised word, opens; a mark followed by a lower-case word or punctuation
    closes; otherwise the marks alternate."""
    after = tokens[i + 1].text if i + 1 < len(tokens) else ""
    before = tokens[i - 1].text if i > 0 else ""
    closes = not last_of_sentence and (after[:1].islower() or after in (",", ".", ";", ":", ")"))
    opens = (
        (last_of_sentence and i + 1 < len(tokens))
        or (after[:1].isupper() or after[:1].isdigit())
        and before in ("", ":", ".", "?", "!")
    )
    if opens != closes:
        return opens
    return not inside


# --------------------------------------------------------------------------- gold


def _spans(tokens: list[Token], label: str) -> list[tuple[int, int]]:
    """Token index ranges [s, e] (inclusive) of a BILOU label."""
    spans, start = [], None
    for i, tok in enumerate(tokens):
        if tok.tag in (f"B-{label}", f"U-{label}"):
            start = i
        if tok.tag in (f"L-{label}", f"U-{label}") and start is not None:
            spans.append((start, i))
            start = None
    return spans


def gold_statements(article: Article) -> list[Statement]:
    tokens = article.tokens
    persons = sorted(_spans(tokens, "PERSON") + _spans(tokens, "PERSONCOREF"))
    full_persons = _spans(tokens, "PERSON")
    roles = _spans(tokens, "ROLE") + _spans(tokens, "AFFILIATION")
    cues = sorted(_spans(tokens, "CUE") + _spans(tokens, "CUECOREF"))

    def text_of(span: tuple[int, int]) -> str:
        return " ".join(t.text for t in tokens[span[0] : span[1] + 1])

    def complete(span: tuple[int, int]) -> list[str]:
        surface = text_of(span)
        names = [surface]
        words = {w.lower() for w in surface.split()}
        for p in reversed([p for p in full_persons if p[0] <= span[0]]):
            if words & {w.lower() for w in text_of(p).split()}:
                names.insert(0, text_of(p))
                break
        return list(dict.fromkeys(names))

    def before(pos: int) -> list[str]:
        earlier = [p for p in persons if p[1] < pos]
        return complete(earlier[-1]) if earlier else []

    out: list[Statement] = []
    previous: list[str] = []
    for s, e in _spans(tokens, "STATEMENT"):
        last_sentence, first_sentence = tokens[e].sentence, tokens[s].sentence
        cue = next((c for c in cues if c[0] > e and tokens[c[0]].sentence == last_sentence), None)
        if cue is None:
            cue = next(
                (c for c in reversed(cues) if c[1] < s and tokens[c[0]].sentence == first_sentence),
                None,
            )
        if cue is None:
            cue = next(
                (
                    c
                    for c in reversed(cues)
                    if c[1] < s and tokens[c[0]].sentence == first_sentence - 1
                ),
                None,
            )
        if cue is None:
            speaker = previous or before(s)
        else:
            same = [p for p in persons if tokens[p[0]].sentence == tokens[cue[0]].sentence]
            if same:
                nearest = min(same, key=lambda p: min(abs(p[0] - cue[1]), abs(cue[0] - p[1])))
                speaker = complete(nearest)
            elif tokens[cue[0]].tag.endswith("CUECOREF"):
                speaker = before(s)
            else:
                near = [r for r in roles if tokens[r[0]].sentence == tokens[cue[0]].sentence]
                speaker = [" ".join(text_of(r) for r in near)] if near else before(s)
        words = [i for i in range(s, e + 1) if tokens[i].text[0].isalnum()]
        if not words:
            continue
        out.append(
            Statement(
                words,
                tokens[s].start,
                tokens[e].end,
                speaker,
                article.text[tokens[s].start : tokens[e].end],
            )
        )
        previous = speaker
    return out


def load(shared: str | None = None) -> list[Article]:
    path = shared_dir(shared) / "eval" / "pfsa-id" / "dev-20.txt"
    articles = split_articles(read_sentences(path))
    for article in articles:
        rebuild_text(article)
        article.statements = gold_statements(article)
    return articles


# --------------------------------------------------------------------------- scoring


def _name_words(text: str, ignore: frozenset[str]) -> tuple[set[str], set[str]]:
    words = {w for w in re.findall(r"\w+", (text or "").lower())}
    return words - ignore, words


def speaker_ok(gold: list[str], predicted: list[str | None], ignore: frozenset[str]) -> bool:
    """A shared name word; for a role-only gold ("Presiden"), the role words."""
    for g in gold:
        g_names, g_all = _name_words(g, ignore)
        for p in predicted:
            if not isinstance(p, str) or not p:
                continue
            p_names, p_all = _name_words(p, ignore)
            if g_names and g_names & p_names:
                return True
            if not g_names and g_all and g_all <= p_all:
                return True
    return False


def score(articles: list[Article], predictions: pd.DataFrame) -> dict:
    """P/R/F1 of statements and speaker accuracy; ``predictions`` has article_id,
    start, end, speaker, speaker_surface, kind (offsets into the rebuilt texts)."""
    from ..extract.quote_lexicon import lexicon

    lex = lexicon("id")
    ignore = lex.titles | lex.speaker_words if lex else frozenset()
    by_article = {a: g for a, g in predictions.groupby("article_id")} if len(predictions) else {}
    tp = n_pred = n_gold = speaker_right = 0
    errors = []
    for article in articles:
        preds = by_article.get(article.article_id, pd.DataFrame(columns=predictions.columns))
        preds = preds.reset_index(drop=True)
        n_pred += len(preds)
        n_gold += len(article.statements)
        candidates = []
        for gi, st in enumerate(article.statements):
            starts = [article.tokens[i].start for i in st.tokens]
            ends = [article.tokens[i].end for i in st.tokens]
            for pi, p in preds.iterrows():
                covered = sum(
                    1
                    for s, e in zip(starts, ends, strict=True)
                    if s >= p["start"] and e <= p["end"]
                )
                coverage = covered / len(st.tokens)
                if coverage >= 0.5:
                    candidates.append((coverage, gi, pi))
        candidates.sort(reverse=True)
        gold_hit: dict[int, int] = {}
        pred_hit: set[int] = set()
        for _, gi, pi in candidates:
            if gi not in gold_hit and pi not in pred_hit:
                gold_hit[gi] = pi
                pred_hit.add(pi)
        tp += len(gold_hit)
        for gi, st in enumerate(article.statements):
            if gi not in gold_hit:
                errors.append((article.article_id, "missed", st.text, " / ".join(st.speaker), ""))
                continue
            p = preds.loc[gold_hit[gi]]
            if speaker_ok(st.speaker, [p.get("speaker"), p.get("speaker_surface")], ignore):
                speaker_right += 1
            else:
                errors.append(
                    (
                        article.article_id,
                        "speaker",
                        st.text,
                        " / ".join(st.speaker),
                        f"{p.get('speaker')} ({p.get('speaker_surface')})",
                    )
                )
        for pi, p in preds.iterrows():
            if pi not in pred_hit:
                errors.append(
                    (
                        article.article_id,
                        "extra",
                        article.text[p["start"] : p["end"]],
                        "",
                        f"{p.get('speaker')} [{p.get('kind')}]",
                    )
                )
    precision, recall, f1 = prf(tp, n_pred - tp, n_gold - tp)
    return {
        "statements": n_gold,
        "predicted": n_pred,
        "matched": tp,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "speaker_accuracy": speaker_right / tp if tp else 0.0,
        "errors": pd.DataFrame(
            errors, columns=["article", "error", "text", "gold_speaker", "predicted"]
        ),
    }


def predict(articles: list[Article]) -> tuple[pd.DataFrame, int]:
    """Run the pipeline; direct/partial quotes with offsets into the rebuilt texts,
    and the number of indirect quotes."""
    import newsanalysis as na

    from ..clean import to_raw

    frame = pd.DataFrame(
        {
            "article_id": [a.article_id for a in articles],
            "text": [a.text for a in articles],
            "language": "id",
        }
    )
    result = na.analyze(frame, engine="serial", progress=False)
    offsets = dict(zip(result.articles["article_id"], result.articles["offsets"], strict=True))
    quotes = result.quotes
    indirect = int((quotes["kind"] == "indirect").sum())
    quotes = quotes[quotes["kind"].isin(["direct", "partial"])].copy()
    raw = [
        to_raw(offsets[a], int(s), int(e))
        for a, s, e in zip(quotes["article_id"], quotes["start"], quotes["end"], strict=True)
    ]
    quotes["start"] = [r[0] for r in raw]
    quotes["end"] = [r[1] for r in raw]
    return quotes.reset_index(drop=True), indirect


def baseline(articles: list[Article]) -> pd.DataFrame:
    """Toggle an "inside quotes" flag at every quotation mark of the article."""
    rows = []
    for article in articles:
        opened = None
        for tok in article.tokens:
            if tok.text in QUOTE_MARKS:
                if opened is None:
                    opened = tok.end
                else:
                    rows.append(
                        {
                            "article_id": article.article_id,
                            "start": opened,
                            "end": tok.start,
                            "speaker": None,
                            "speaker_surface": None,
                            "kind": "direct",
                        }
                    )
                    opened = None
    return pd.DataFrame(
        rows, columns=["article_id", "start", "end", "speaker", "speaker_surface", "kind"]
    )


def select(articles: list[Article], split: str) -> list[Article]:
    if split == "a":
        return [a for a in articles if a.index % 2 == 0]
    if split == "b":
        return [a for a in articles if a.index % 2 == 1]
    return articles


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", help="path of the shared data folder (default ../shared)")
    parser.add_argument(
        "--split",
        choices=["a", "b", "all"],
        default="all",
        help="a = read while writing rules, b = unseen (default: all, a and b reported)",
    )
    parser.add_argument("--errors", action="store_true", help="list errors (split a only)")
    parser.add_argument("--baseline", action="store_true", help="also score the toggle baseline")
    args = parser.parse_args(argv)
    if args.errors and args.split != "a":
        parser.error("--errors lists only split a (split b is the unseen split)")
    articles = load(args.shared)
    predictions, indirect = predict(select(articles, args.split))
    splits = ["a", "b", "all"] if args.split == "all" else [args.split]
    print(
        f"PFSA-ID dev-20: {len(articles)} articles; {indirect} indirect quotes predicted (not annotated, not scored)"
    )
    for split in splits:
        chosen = select(articles, split)
        names = {a.article_id for a in chosen}
        r = score(chosen, predictions[predictions["article_id"].isin(names)])
        label = {"a": "split a (read)", "b": "split b (unseen)", "all": "all"}[split]
        print(
            f"{label:18s} statements {r['statements']:4d}  predicted {r['predicted']:4d}"
            f"  P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}"
            f"  speaker accuracy {r['speaker_accuracy']:.3f}"
        )
        if args.baseline:
            b = score(chosen, baseline(chosen))
            print(
                f"{'  toggle baseline':18s} statements {b['statements']:4d}  predicted {b['predicted']:4d}"
                f"  P {b['precision']:.3f}  R {b['recall']:.3f}  F1 {b['f1']:.3f}"
            )
        if args.errors and split == "a":
            with pd.option_context(
                "display.width", 250, "display.max_colwidth", 110, "display.max_rows", 1000
            ):
                print(r["errors"].to_string())


if __name__ == "__main__":
    main()
