"""Score the actors of the seed article against ``eval/seed_gold.json``.

Runs the whole pipeline (``na.analyze``) on ``corpus/seed/cnn-xi-putin-moscow.id.txt``
and prints:

- **actors**: every gold actor found (matched by canonical name or alias), and our
  actors of the article that are not in the gold (precision); country codes compared;
- **surfaces**: every occurrence of every gold surface ("Xi", "pemimpin Rusia itu",
  "Kementerian Luar Negeri China") must carry a mention of the right actor. An
  occurrence inside a longer gold surface of another actor ("Kremlin" in "juru bicara
  Kremlin Dmitry Peskov") is not counted; "Beijing (as government)" needs one
  occurrence resolved and none wrong; "Wang (... after Wang Yi is introduced ...)"
  counts the occurrences after "Wang Yi";
- **not actors**: Anna Chernova (the contributor credit the cleaner cuts) must be absent.

    python -m newsanalysis.evaluate.seed_actors
    python -m newsanalysis.evaluate.seed_actors --discover   # people found without the KB
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata

from . import prf, shared_dir


def _norm(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", " ", plain.lower()).strip()


def _occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    pattern = re.compile(rf"(?<!\w){re.escape(surface)}(?!\w)")
    return [m.span() for m in pattern.finditer(text)]


def evaluate(shared: str | None = None, verbose: bool = True, discover: bool = False) -> dict:
    """Run the pipeline on the seed article and compare with the gold; returns the figures.

    With ``discover``, the story's people that the knowledge base knows only from our
    curated list (not from Wikidata) are removed first, so they must be discovered.
    """
    import newsanalysis as na

    root = shared_dir(shared)
    gold = json.loads((root / "eval" / "seed_gold.json").read_text(encoding="utf-8"))
    kb = _kb_without_story_people(gold) if discover else None
    path = root / "corpus" / "seed" / "cnn-xi-putin-moscow.id.txt"
    result = na.analyze(na.load(path), engine="serial", kb=kb)
    text = result.articles["text"].iloc[0]
    actors = result.actors
    mentions = result.mentions

    # our actors -> gold names
    gold_by_norm = {}
    for g in gold["actors"]:
        gold_by_norm[_norm(g["name"])] = g["name"]
    ours_to_gold: dict[str, str] = {}
    for row in actors.itertuples(index=False):
        names = [row.name, *(row.aliases if isinstance(row.aliases, list) else [])]
        for n in names:
            if _norm(n) in gold_by_norm:
                ours_to_gold[row.actor_id] = gold_by_norm[_norm(n)]
                break
    found = set(ours_to_gold.values())
    out: dict = {"missing_actors": [g["name"] for g in gold["actors"] if g["name"] not in found]}
    extra = [
        f"{row.name} ({row.type})"
        for row in actors.itertuples(index=False)
        if row.actor_id not in ours_to_gold
    ]
    out["extra_actors"] = extra
    a_tp = len(found)
    out["actors"] = prf(a_tp, len(extra), len(gold["actors"]) - a_tp) + (a_tp, len(extra))
    country_ok = country_all = 0
    country_wrong = []
    by_id = actors.set_index("actor_id")
    for actor_id, name in ours_to_gold.items():
        g = next(x for x in gold["actors"] if x["name"] == name)
        if g.get("country"):
            country_all += 1
            ours = by_id.loc[actor_id, "country"]
            if ours == g["country"]:
                country_ok += 1
            else:
                country_wrong.append(f"{name}: {ours} (gold {g['country']})")
    out["country"] = (country_ok, country_all, country_wrong)

    # surfaces
    spans = []  # (start, end, gold name) of every occurrence of every gold surface
    for g in gold["actors"]:
        for surface in g["surfaces"]:
            plain = re.sub(r"\s*\(.*\)\s*$", "", surface)
            for s, e in _occurrences(text, plain):
                spans.append((s, e, g["name"]))
    rows = list(mentions.itertuples(index=False))
    type_of = dict(zip(actors["actor_id"], actors["type"], strict=True))
    gold_type = {g["name"]: g["type"] for g in gold["actors"]}
    tp = fp = fn = 0
    problems = []
    for g in gold["actors"]:
        for surface in g["surfaces"]:
            note = re.search(r"\((.*)\)\s*$", surface)
            plain = re.sub(r"\s*\(.*\)\s*$", "", surface)
            occurrences = [
                (s, e)
                for s, e in _occurrences(text, plain)
                if not any(
                    name != g["name"] and s2 <= s and e <= e2 and (e2 - s2) > (e - s)
                    for s2, e2, name in spans
                )
            ]
            if note and "after" in note.group(1):
                intro = text.find(note.group(1).split("after ")[1].split(" is")[0])
                occurrences = [(s, e) for s, e in occurrences if s > intro >= 0]
            verdicts = []
            for s, e in occurrences:
                over = [m for m in rows if m.start < e and s < m.end]
                if any(ours_to_gold.get(m.actor_id) == g["name"] for m in over):
                    verdicts.append("ok")
                elif any(type_of.get(m.actor_id) == gold_type[g["name"]] for m in over):
                    wrong = [m.surface + "->" + str(m.actor_id) for m in over]
                    verdicts.append("wrong")
                    problems.append(f"WRONG {g['name']!r} at {s}: {plain!r} -> {wrong}")
                else:
                    verdicts.append("missing")
                    if not (note and "as government" in note.group(1)):  # a place there
                        problems.append(f"MISSING {g['name']!r} at {s}: {plain!r}")
            if note and "as government" in note.group(1):
                # at least one occurrence is the government, none is another actor
                ok = "ok" in verdicts and "wrong" not in verdicts
                tp, fn = tp + ok, fn + (not ok)
                fp += "wrong" in verdicts
                continue
            tp += verdicts.count("ok")
            fp += verdicts.count("wrong")
            fn += verdicts.count("wrong") + verdicts.count("missing")
    out["surfaces"] = prf(tp, fp, fn) + (tp, fp, fn)
    out["surface_problems"] = problems
    absent = []
    for item in gold.get("not_actors_of_the_story", []):
        name = item["name"]
        present = any(_norm(name) == _norm(n) for n in actors["name"]) or any(
            name in str(s) for s in mentions["surface"]
        )
        absent.append((name, not present))
    out["not_actors_absent"] = absent
    if verbose:
        _print(out)
    return out


def _kb_without_story_people(gold: dict):
    from ..actors.kb import KnowledgeBase, load_kb

    tables = load_kb().tables
    people = {_norm(g["name"]) for g in gold["actors"] if g["type"] == "person"}
    actors = tables["actors"]
    drop = actors["name"].map(_norm).isin(people) & (actors["wikidata_id"] == "")
    return KnowledgeBase(actors[~drop], tables["aliases"], tables["roles"])


def _print(out: dict) -> None:
    p, r, f, tp, fp = out["actors"]
    print(f"actors:   P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({tp} gold actors found, {fp} extra)")
    if out["missing_actors"]:
        print("  missing:", ", ".join(out["missing_actors"]))
    if out["extra_actors"]:
        print("  extra:  ", ", ".join(out["extra_actors"]))
    ok, total, wrong = out["country"]
    print(f"country:  {ok}/{total} right" + (f"  wrong: {'; '.join(wrong)}" if wrong else ""))
    p, r, f, tp, fp, fn = out["surfaces"]
    print(f"surfaces: P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {tp}, fp {fp}, fn {fn})")
    for line in out["surface_problems"]:
        print("  " + line)
    for name, ok in out["not_actors_absent"]:
        print(f"not an actor: {name}: {'absent (right)' if ok else 'PRESENT (wrong)'}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", help="the shared data folder (default ../shared)")
    parser.add_argument(
        "--discover",
        action="store_true",
        help="remove the story's curated (non-Wikidata) people from the KB: measure discovery",
    )
    args = parser.parse_args(argv)
    evaluate(args.shared, discover=args.discover)


if __name__ == "__main__":
    main()
