"""The process engine gives exactly the serial tables, in the same order."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import shared_path
from synthetic import synthetic_corpus

import newsanalysis as na
from newsanalysis.parallel import chunked, default_chunk_size, ordered_map
from newsanalysis.schema import TABLES


def assert_same_tables(a: na.Analysis, b: na.Analysis) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), obj=name)


def test_chunked_keeps_order_and_remainder():
    assert list(chunked(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(chunked([], 3)) == []


def test_default_chunk_size_bounds():
    assert default_chunk_size(10, 2) == 8
    assert default_chunk_size(100_000, 2) == 256
    assert 8 <= default_chunk_size(2_000, 2) <= 256


def test_ordered_map_returns_in_order_with_bounded_submissions():
    from concurrent.futures import ThreadPoolExecutor

    submitted = []
    with ThreadPoolExecutor(max_workers=2) as pool:

        def submit(fn, item):
            submitted.append(item)
            return pool.submit(fn, item)

        results = ordered_map(submit, lambda x: x * x, range(50), workers=2)
        first = next(results)
        # only a bounded window was submitted before the first result was taken
        assert len(submitted) <= 2 * 3
        assert [first, *results] == [x * x for x in range(50)]


def test_processes_equal_serial_on_synthetic_corpus():
    corpus = synthetic_corpus(90)
    serial = na.analyze(corpus, engine="serial", progress=False)
    parallel = na.analyze(corpus, engine="processes", workers=2, chunk_size=7, progress=False)
    assert parallel.meta["engine"] == "processes"
    assert_same_tables(serial, parallel)
    assert serial.articles["article_id"].tolist() == corpus.articles["article_id"].tolist()


def test_processes_that_cannot_start_fall_back_to_this_process(monkeypatch):
    from concurrent.futures.process import BrokenProcessPool

    import newsanalysis.parallel as parallel

    class BrokenPool:
        def __init__(self, *args, **kwargs):
            pass

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def submit(self, *args, **kwargs):
            raise BrokenProcessPool("workers cannot start here")

    corpus = synthetic_corpus(30)
    serial = na.analyze(corpus, engine="serial", progress=False)
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", BrokenPool)
    with pytest.warns(RuntimeWarning, match="could not start"):
        fallback = na.analyze(corpus, engine="processes", workers=2, chunk_size=7, progress=False)
    assert_same_tables(serial, fallback)


def test_auto_engine_stays_serial_for_small_inputs():
    result = na.analyze(synthetic_corpus(12), progress=False)
    assert result.meta["engine"] == "serial"
    assert result.meta["workers"] == 1


def test_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="engine must be one of"):
        na.analyze(synthetic_corpus(3), engine="threads")


@pytest.mark.slow
def test_processes_equal_serial_on_click_id():
    path = shared_path("corpus", "click-id", "tribunnews.csv")
    loaded = na.load(path)
    corpus = na.Corpus(loaded.articles.head(300), loaded.errors)
    serial = na.analyze(corpus, engine="serial", progress=False)
    parallel = na.analyze(corpus, engine="processes", workers=2, progress=False)
    assert len(serial.articles) == 300
    assert_same_tables(serial, parallel)


def test_objects_are_frozen_for_the_collector_only_inside_the_block():
    import gc

    from newsanalysis.parallel import older_objects_frozen

    if gc.get_freeze_count():
        pytest.skip("this process has frozen objects already")
    before = object.__new__(type("Tracked", (), {}))  # a tracked object made before
    with older_objects_frozen():
        assert gc.get_freeze_count() > 0
        assert not any(o is before for o in gc.get_objects())  # out of the generations
        with older_objects_frozen():  # nested: leaves the outer freeze alone
            pass
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0
    assert any(o is before for o in gc.get_objects())
    gc.disable()
    try:
        with older_objects_frozen():
            assert gc.get_freeze_count() == 0  # collector off: nothing to do
    finally:
        gc.enable()
    gc.freeze()  # someone else's freeze is never undone
    try:
        with older_objects_frozen():
            pass
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
