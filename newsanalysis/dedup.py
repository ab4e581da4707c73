"""Duplicate articles and meeting events.

Two things are counted once that news reports many times:

- **Articles.** The same story republished (by a second outlet, or re-scraped after an
  edit) is marked in ``articles.duplicate_of`` with the ``article_id`` of its first copy
  (earliest published, then first in the input). Exact copies share the
  ``content_hash`` of their cleaned text. Near copies (a changed headline, a credit line,
  a corrected sentence) are found with MinHash over word 5-shingles and LSH banding
  (Broder 1997; Leskovec, Rajaraman & Ullman, *Mining of Massive Datasets*, ch. 3):
  two articles whose estimated Jaccard similarity of shingle sets is at least
  :data:`NEAR_THRESHOLD` are copies. MinHash needs ``datasketch`` (the ``scale`` extra).
- **Meetings.** ``meetings.event_id`` groups the rows that report the same meeting: the
  same set of participants, the same mode, and dates that are compatible at their
  precision (a day-precision date falls in a month-precision one; intervals overlap).
  A row without a date cannot be matched to another report and is an event of its own.
  Every row stays (as evidence); count ``event_id`` values to count meetings.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Collection, Sequence

import numpy as np
import pandas as pd

#: shingles are runs of this many words
SHINGLE_WORDS = 5
#: MinHash permutations: the Jaccard estimate has a standard error of about 0.05 at 0.8
NUM_PERM = 64
#: LSH bands x rows = NUM_PERM; pairs above ~0.6 similarity become candidates
LSH_BANDS, LSH_ROWS = 16, 4
#: estimated Jaccard similarity of 5-shingle sets at or above which two articles are copies
NEAR_THRESHOLD = 0.8
#: buckets larger than this are paired to their first member only (keeps pairs linear)
_MAX_BUCKET_PAIRS = 50
_SEED = 1

_WORD = re.compile(r"\w+")


DUPLICATE_MODES = ("near", "exact", None)


def resolve_duplicates(mode: str | None) -> str | None:
    """The duplicate search to run: ``"auto"`` is ``"near"`` when MinHash is available."""
    if mode == "auto":
        return "near" if has_minhash() else "exact"
    if mode in ("none", False):
        return None
    if mode not in DUPLICATE_MODES:
        raise ValueError(f"duplicates must be 'auto', 'near', 'exact' or None, not {mode!r}")
    if mode == "near":
        _require_datasketch()
    return mode


def content_hash(text: str) -> str:
    """The ``articles.content_hash`` of a cleaned text (what ``process_article`` stores)."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def _require_datasketch():
    try:
        import datasketch
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ImportError(
            "near-duplicate detection needs datasketch: pip install 'newsanalysis[scale]' "
            "(or use duplicates='exact')"
        ) from exc
    return datasketch


def has_minhash() -> bool:
    """Whether near-duplicate detection is available (``datasketch`` is installed)."""
    try:
        import datasketch  # noqa: F401
    except ImportError:
        return False
    return True


def shingles(text: str, size: int = SHINGLE_WORDS) -> list[bytes]:
    """Distinct case-folded word ``size``-grams of ``text`` (the whole text if shorter)."""
    return [gram.encode("utf-8") for gram in _shingle_strings(text, size)]


def _shingle_strings(
    text: str, size: int = SHINGLE_WORDS, distinct: bool = True
) -> Collection[str]:
    words = _WORD.findall(text.casefold())
    if len(words) <= size:
        return [" ".join(words)] if words else []
    grams = map(" ".join, zip(*(words[i:] for i in range(size)), strict=False))
    return set(grams) if distinct else list(grams)


def shingle_hashes(text: str) -> np.ndarray:
    """32-bit SHA-1 hashes of the :func:`shingles` of ``text`` (uint32, any order; a
    shingle that occurs twice is hashed twice, which leaves a MinHash unchanged and
    costs less than removing repeats).

    The value of a shingle is datasketch's default ``sha1_hash32``: the first four bytes
    of its SHA-1 digest read as a little-endian integer.
    """
    sha1 = hashlib.sha1
    grams = _shingle_strings(text, distinct=False)
    digests = b"".join([sha1(gram.encode("utf-8")).digest() for gram in grams])
    rows = np.frombuffer(digests, dtype=np.uint8).reshape(-1, 20)[:, :4]
    return np.ascontiguousarray(rows).view("<u4").ravel().astype(np.uint32)


def text_signature(text: str) -> np.ndarray | None:
    """MinHash signature (``NUM_PERM`` uint32) of the word shingles of ``text``.

    None for a text without words. Deterministic across processes and runs. The values
    are those of datasketch's ``MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32")``
    updated with the shingles (``update_batch``), computed here for the whole batch of
    hashes at once: datasketch calls its hash function once per shingle, which took most
    of the time.
    """
    hashes = shingle_hashes(text)
    if not len(hashes):
        return None
    a, b = _permutations()
    return (_fmix32(hashes)[:, None] * a + b).min(axis=0)


#: the 32-bit MurmurHash3 finalizer (shifts and multipliers), datasketch's affine32 pre-mix
_FMIX32 = (
    np.uint32(16),
    np.uint32(0x85EBCA6B),
    np.uint32(13),
    np.uint32(0xC2B2AE35),
    np.uint32(16),
)


def _fmix32(hashes: np.ndarray) -> np.ndarray:
    """MurmurHash3's finalizer on uint32 values (multiplications wrap around mod 2**32)."""
    s1, m1, s2, m2, s3 = _FMIX32
    hashes = hashes ^ (hashes >> s1)
    hashes = hashes * m1
    hashes = hashes ^ (hashes >> s2)
    hashes = hashes * m2
    return hashes ^ (hashes >> s3)


@functools.cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The affine permutations ``(a, b)`` (uint32) that datasketch draws for ``_SEED``."""
    a, b = _template().permutations
    return a.astype(np.uint32), b.astype(np.uint32)


@functools.cache
def _template():
    datasketch = _require_datasketch()
    return datasketch.MinHash(num_perm=NUM_PERM, seed=_SEED, scheme="affine32")


def find_duplicates(
    articles: pd.DataFrame,
    signatures: Sequence[np.ndarray | None] | None = None,
    threshold: float = NEAR_THRESHOLD,
) -> pd.Series:
    """``duplicate_of`` for each row of ``articles`` (None for first copies).

    ``articles`` needs ``article_id``, ``content_hash`` and ``published``; rows are taken
    in their order for ties. ``signatures`` (one per row, from :func:`text_signature`)
    adds near duplicates; without them only exact copies are found.
    """
    n = len(articles)
    if n == 0:
        return pd.Series([], dtype="string", index=articles.index)
    order = _first_copy_order(articles)
    parent = np.arange(n)
    # exact copies: every row points at the first row (in copy order) with its hash
    hashes = pd.Series(articles["content_hash"].astype(object).to_numpy())
    copied = hashes.notna() & hashes.duplicated(keep=False)
    for _, members in hashes[copied].groupby(hashes[copied], sort=False):
        _union_all(parent, members.index.to_numpy())
    if signatures is not None:
        if len(signatures) != n:
            raise ValueError(f"{len(signatures)} signatures for {n} articles")
        for i, j in _near_pairs(signatures, threshold):
            _union(parent, i, j)
    roots = np.array([_find(parent, i) for i in range(n)])
    # the first copy of each group: the member with the smallest position in copy order
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n)
    frame = pd.DataFrame({"root": roots, "rank": rank})
    first = frame.groupby("root")["rank"].transform("min").to_numpy()
    first_row = order[first]
    ids = articles["article_id"].astype(object).to_numpy()
    out = np.where(first_row == np.arange(n), None, ids[first_row])
    return pd.Series(out, index=articles.index, dtype="string")


def _first_copy_order(articles: pd.DataFrame) -> np.ndarray:
    """Row positions sorted by publication time (unknown last), then input position."""
    published = pd.to_datetime(articles["published"], errors="coerce")
    key = pd.DataFrame({"t": published.to_numpy(), "pos": np.arange(len(articles))})
    return key.sort_values(["t", "pos"], na_position="last", kind="stable")["pos"].to_numpy()


def _near_pairs(signatures: Sequence[np.ndarray | None], threshold: float) -> list[tuple[int, int]]:
    """Pairs of rows whose signatures agree on at least ``threshold`` of their values."""
    rows = [i for i, s in enumerate(signatures) if s is not None]
    if len(rows) < 2:
        return []
    matrix = np.vstack([signatures[i] for i in rows]).astype(np.uint32)
    positions = np.asarray(rows)
    candidates: set[tuple[int, int]] = set()
    for band in range(LSH_BANDS):
        block = np.ascontiguousarray(matrix[:, band * LSH_ROWS : (band + 1) * LSH_ROWS])
        keys = block.view(np.dtype((np.void, block.dtype.itemsize * LSH_ROWS))).ravel()
        _, bucket, counts = np.unique(keys, return_inverse=True, return_counts=True)
        shared = np.flatnonzero(counts[bucket] > 1)
        if not len(shared):
            continue
        shared = shared[np.argsort(bucket[shared], kind="stable")]
        bounds = np.flatnonzero(np.diff(bucket[shared])) + 1
        for members in np.split(shared, bounds):
            if len(members) <= _MAX_BUCKET_PAIRS:
                for a in range(len(members)):
                    for b in range(a + 1, len(members)):
                        candidates.add((members[a], members[b]))
            else:
                candidates.update((members[0], m) for m in members[1:])
    if not candidates:
        return []
    pairs = np.array(sorted(candidates))
    similarity = (matrix[pairs[:, 0]] == matrix[pairs[:, 1]]).mean(axis=1)
    kept = pairs[similarity >= threshold]
    return [(int(positions[a]), int(positions[b])) for a, b in kept]


def near_duplicate_pairs(
    articles: pd.DataFrame, signatures: Sequence[np.ndarray | None], threshold: float = 0.5
) -> pd.DataFrame:
    """Candidate pairs with their estimated similarity (for inspecting the threshold)."""
    rows = [i for i, s in enumerate(signatures) if s is not None]
    pairs = _near_pairs(signatures, threshold)
    matrix = {i: signatures[i] for i in rows}
    ids = articles["article_id"].astype(object).to_numpy()
    records = [
        {
            "article_id": ids[i],
            "other_id": ids[j],
            "similarity": float((matrix[i] == matrix[j]).mean()),
        }
        for i, j in pairs
    ]
    return pd.DataFrame(records, columns=["article_id", "other_id", "similarity"])


def _find(parent: np.ndarray, i: int) -> int:
    root = i
    while parent[root] != root:
        root = parent[root]
    while parent[i] != root:
        parent[i], i = root, parent[i]
    return root


def _union(parent: np.ndarray, i: int, j: int) -> None:
    a, b = _find(parent, i), _find(parent, j)
    if a != b:
        parent[max(a, b)] = min(a, b)


def _union_all(parent: np.ndarray, members: np.ndarray) -> None:
    for m in members[1:]:
        _union(parent, int(members[0]), int(m))


# --------------------------------------------------------------------------- events

_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


def assign_events(meetings: pd.DataFrame) -> pd.Series:
    """``event_id`` for each meeting row: rows reporting the same meeting share it.

    Same event = same participant set (ids, else names, case-folded), same mode, and
    date intervals that overlap once widened to their precision (a month-precision date
    covers its month). Rows are matched finest precision first; a coarser row joins the
    one event it is compatible with, or forms an event with other coarse rows. A row
    without a date is its own event. The id is ``"ev:" + meeting_id`` of the event's
    first row (in table order).
    """
    n = len(meetings)
    if n == 0:
        return pd.Series([], dtype="string", index=meetings.index)
    keys = [
        _participant_key(ids, names) + "|" + str(mode)
        for ids, names, mode in zip(
            meetings["participant_ids"], meetings["participants"], meetings["mode"], strict=True
        )
    ]
    lo, hi = _date_bounds(meetings)
    precision = meetings["date_precision"].astype(object).to_numpy()
    event_of = np.arange(n)  # row -> row index of its event's first member
    frame = pd.DataFrame({"key": keys, "dated": ~pd.isna(lo)})
    for _, group in frame[frame["dated"]].groupby("key", sort=False):
        rows = group.index.to_numpy()
        if len(rows) > 1:
            _cluster_dates(rows, lo, hi, precision, event_of)
    ids = meetings["meeting_id"].astype(object).to_numpy()
    return pd.Series(["ev:" + str(ids[e]) for e in event_of], index=meetings.index, dtype="string")


def _participant_key(ids, names) -> str:
    values = ids if _non_empty(ids) else names
    if not _non_empty(values):
        return ""
    return ",".join(sorted({str(v).casefold() for v in values if v is not None}))


def _non_empty(values) -> bool:
    return values is not None and not isinstance(values, float) and len(values) > 0


def _date_bounds(meetings: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Inclusive [first day, last day] of each row's date, widened to its precision."""
    start = pd.to_datetime(meetings["date_start"], errors="coerce")
    end = pd.to_datetime(meetings["date_end"], errors="coerce").fillna(start)
    precision = meetings["date_precision"].astype(object)
    lo = start.dt.normalize()
    hi = end.dt.normalize()
    month = precision == "month"
    year = precision == "year"
    lo = lo.where(~month, start.dt.to_period("M").dt.start_time)
    hi = hi.where(~month, end.dt.to_period("M").dt.end_time.dt.normalize())
    lo = lo.where(~year, start.dt.to_period("Y").dt.start_time)
    hi = hi.where(~year, end.dt.to_period("Y").dt.end_time.dt.normalize())
    return lo.to_numpy(), hi.to_numpy()


def _cluster_dates(
    rows: np.ndarray, lo: np.ndarray, hi: np.ndarray, precision: np.ndarray, event_of: np.ndarray
) -> None:
    """Group ``rows`` (same participants and mode) into events by compatible dates."""
    by_rank: dict[int, list[int]] = {}
    for r in rows:
        by_rank.setdefault(_PRECISION_RANK.get(precision[r], 0), []).append(int(r))
    events: list[dict] = []  # {"lo", "hi", "members"}, built finest precision first
    for rank in sorted(by_rank):
        known = list(events)  # events of finer levels
        unmatched = []
        for r in by_rank[rank]:
            hits = [e for e in known if lo[r] <= e["hi"] and e["lo"] <= hi[r]]
            if len(hits) == 1:
                hits[0]["members"].append(r)
            else:
                unmatched.append(r)
        # rows of this level that match no single finer event: merge overlapping intervals
        unmatched.sort(key=lambda r: (lo[r], r))
        current = None
        for r in unmatched:
            if current is not None and lo[r] <= current["hi"]:
                current["hi"] = max(current["hi"], hi[r])
                current["members"].append(r)
            else:
                current = {"lo": lo[r], "hi": hi[r], "members": [r]}
                events.append(current)
    for event in events:
        first = min(event["members"])
        for m in event["members"]:
            event_of[m] = first
