"""Aggregates on small hand-made tables, with expectations computed by hand."""

import math

import pandas as pd
import pytest

import newsanalysis as na
from newsanalysis.aggregate import (
    edge_evidence,
    meeting_events,
    meeting_frequency,
    meeting_reports,
    meeting_timeline,
    network_edges,
    network_nodes,
    readable_min_weight,
    select_quotes,
    sentiment_by_speaker,
    sentiment_over_time,
    view_min_weight,
)
from newsanalysis.aggregate.meetings import date_label
from newsanalysis.aggregate.network import communities, ego_edges

ACTORS = pd.DataFrame(
    {
        "actor_id": ["Q15031", "Q7747", "Q6176", "Q3874799"],
        "name": ["Xi Jinping", "Vladimir Putin", "Joko Widodo", "Volodymyr Zelensky"],
        "type": ["person"] * 4,
        "country": ["CHN", "RUS", "IDN", "UKR"],
        "aliases": [["Xi"], ["Putin"], ["Jokowi"], []],
    }
)
XI, PUTIN, JOKOWI, ZELENSKY = ACTORS["actor_id"]


def _articles(n: int) -> pd.DataFrame:
    dates = ["2023-03-17", "2023-03-21", "2023-03-22", "2022-11-16", "2023-04-27"][:n]
    return pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(n)],
            "title": [f"Article {i}" for i in range(n)],
            "text": ["x"] * n,
            "published": dates,
            "language": ["id", "en", "id", "id", "en"][:n],
            "source": ["CNN", "Reuters", "Kompas", "Antara", "CNN"][:n],
            "url": [f"https://example.org/{i}" for i in range(n)],
        }
    )


def _meeting(article, n, ids, mode, status, start=None, end=None, precision=None, **extra):
    names = dict(zip(ACTORS["actor_id"], ACTORS["name"], strict=True))
    return dict(
        article_id=article,
        meeting_id=f"{article}:m{n}",
        participants=[names[i] for i in ids],
        participant_ids=list(ids),
        mode=mode,
        status=status,
        date_start=start,
        date_end=end,
        date_precision=precision,
        evidence=f"sentence {article}:{n}",
        **extra,
    )


@pytest.fixture
def meetings_analysis() -> na.Analysis:
    rows = [
        # the Moscow visit: announced (planned), then reported twice (happened): one event
        _meeting(
            "a0",
            0,
            [XI, PUTIN],
            "visit",
            "planned",
            "2023-03-20",
            "2023-03-22",
            "day",
            event_id="E1",
        ),
        _meeting(
            "a1", 0, [XI, PUTIN], "talks", "happened", "2023-03-21", None, "day", event_id="E1"
        ),
        _meeting(
            "a2", 0, [PUTIN, XI], "in_person", "happened", "2023-03-21", None, "day", event_id="E1"
        ),
        # a phone call that did NOT happen, and a "met 39 times" summary: never counted
        _meeting("a0", 1, [XI, ZELENSKY], "phone", "negated"),
        _meeting("a0", 2, [XI, PUTIN], "in_person", "happened", count=39),
        # known only to the month / to the year
        _meeting("a0", 3, [PUTIN, XI], "virtual", "happened", "2022-12-01", "2022-12-31", "month"),
        _meeting("a1", 1, [XI, PUTIN], "visit", "planned", "2024-01-01", "2024-12-31", "year"),
        # other pairs; one undated
        _meeting("a3", 0, [JOKOWI, XI], "in_person", "happened", "2022-11-16", None, "day"),
        _meeting("a3", 1, [JOKOWI, PUTIN], "phone", "happened", "2022-11-07", None, "day"),
        _meeting("a3", 2, [JOKOWI, ZELENSKY], "visit", "happened"),
        _meeting("a4", 0, [XI, ZELENSKY], "phone", "happened", "2023-04-26", None, "day"),
    ]
    meetings = pd.DataFrame(rows)
    meetings["event_id"] = meetings["event_id"].astype("string")
    return na.Analysis(articles=_articles(5), actors=ACTORS, meetings=meetings)


def test_an_event_reported_three_times_counts_once_and_happened(meetings_analysis):
    freq = meeting_frequency(meetings_analysis, "month", actors=["Xi Jinping", "Vladimir Putin"])
    march = freq[freq["period"] == pd.Timestamp("2023-03-01")]
    assert march[["key", "status", "meetings", "reports", "articles"]].values.tolist() == [
        ["Vladimir Putin – Xi Jinping", "happened", 1, 3, 3]
    ]
    assert sorted(march["meeting_ids"].iloc[0]) == ["a0:m0", "a1:m0", "a2:m0"]


def test_negated_cancelled_and_summary_rows_are_not_counted(meetings_analysis):
    freq = meeting_frequency(meetings_analysis, "year", undated="published")
    assert set(freq["status"]) == {"happened", "planned"}
    every_id = {m for ids in freq["meeting_ids"] for m in ids}
    assert "a0:m1" not in every_id  # "tidak satu pun panggilan telepon"
    assert "a0:m2" not in every_id  # "39 kali"
    with_negated = meeting_frequency(meetings_analysis, "year", statuses=None, undated="published")
    assert "a0:m1" in {m for ids in with_negated["meeting_ids"] for m in ids}
    assert "a0:m2" not in {m for ids in with_negated["meeting_ids"] for m in ids}


def test_precision_decides_which_periods_can_place_a_meeting(meetings_analysis):
    pair = ["Xi Jinping", "Vladimir Putin"]
    month = meeting_frequency(meetings_analysis, "month", actors=pair)
    # Dec 2022 (month precision) and Mar 2023; the 2024 visit is known only to the year
    assert month["period"].dt.strftime("%Y-%m").tolist() == ["2022-12", "2023-03"]
    assert month.attrs["left_out"]["imprecise"] == 1
    week = meeting_frequency(meetings_analysis, "week", actors=pair)
    assert week["period"].tolist() == [pd.Timestamp("2023-03-20")]  # a Monday
    assert week.attrs["left_out"]["imprecise"] == 2
    year = meeting_frequency(meetings_analysis, "year", actors=pair)
    assert year[["period", "status", "meetings"]].values.tolist() == [
        [pd.Timestamp("2022-01-01"), "happened", 1],
        [pd.Timestamp("2023-01-01"), "happened", 1],
        [pd.Timestamp("2024-01-01"), "planned", 1],
    ]
    assert year.attrs["meetings"] == 3 and year.attrs["articles"] == 3


def test_undated_meetings_are_left_out_or_placed_at_publication(meetings_analysis):
    dropped = meeting_frequency(meetings_analysis, "month", actors=["Joko Widodo"])
    assert dropped["meetings"].sum() == 2
    assert dropped.attrs["left_out"]["undated"] == 1
    placed = meeting_frequency(
        meetings_analysis, "month", actors=["Joko Widodo"], undated="published"
    )
    assert placed["meetings"].sum() == 3
    assert placed.groupby("period")["meetings"].sum().to_dict() == {pd.Timestamp("2022-11-01"): 3}


def test_one_actor_gives_its_pairs_several_give_pairs_among_them(meetings_analysis):
    one = meeting_frequency(meetings_analysis, "year", actors=["Joko Widodo"])
    assert set(one["key"]) == {"Joko Widodo – Vladimir Putin", "Joko Widodo – Xi Jinping"}
    three = meeting_frequency(
        meetings_analysis, "year", actors=["Joko Widodo", "Xi Jinping", "Vladimir Putin"]
    )
    assert set(three["key"]) == {
        "Joko Widodo – Vladimir Putin",
        "Joko Widodo – Xi Jinping",
        "Vladimir Putin – Xi Jinping",
    }
    assert not three["key"].str.contains("Zelensky").any()


def test_frequency_by_actor_and_by_mode(meetings_analysis):
    by_actor = meeting_frequency(meetings_analysis, "year", "actor", actors=[XI, JOKOWI])
    totals = by_actor.groupby("key")["meetings"].sum().to_dict()
    # Xi: Dec 2022, Mar 2023, 2024 (planned), Jokowi 16 Nov, Zelensky call = 5; Jokowi: 2 dated
    assert totals == {"Xi Jinping": 5, "Joko Widodo": 2}
    by_mode = meeting_frequency(meetings_analysis, "year", "mode", statuses="happened")
    assert by_mode.groupby("key")["meetings"].sum().to_dict() == {
        "in_person": 1,
        "phone": 2,
        "talks": 1,
        "virtual": 1,
    }


def test_top_keys_lump_the_rest_into_other(meetings_analysis):
    freq = meeting_frequency(meetings_analysis, "year", top=1)
    assert set(freq["key"]) == {"Vladimir Putin – Xi Jinping", "other (3 pairs)"}


def test_events_without_event_ids_are_rows(meetings_analysis):
    meetings_analysis.meetings = meetings_analysis.meetings.drop(columns="event_id")
    events = meeting_events(
        meetings_analysis, actors=["Xi Jinping", "Vladimir Putin"], statuses=None
    )
    assert (
        len(events) == 5
    )  # 3 reports of the visit + Dec 2022 + 2024; the "39 times" row is not an event


def test_timeline_and_reports(meetings_analysis):
    timeline = meeting_timeline(meetings_analysis, actors=["Xi Jinping", "Vladimir Putin"])
    assert timeline["when"].dt.strftime("%Y-%m-%d").tolist() == [
        "2022-12-01",
        "2023-03-21",
        "2024-01-01",
    ]
    reports = meeting_reports(meetings_analysis, ["a0:m0", "a2:m0"])
    assert reports["title"].tolist() == ["Article 0", "Article 2"]
    assert reports["meeting_date"].tolist() == ["2023-03-20 – 2023-03-22", "2023-03-21"]
    assert date_label(pd.Timestamp("2022-12-01"), pd.Timestamp("2022-12-31"), "month") == "2022-12"


def test_empty_meetings_give_empty_frames():
    empty = na.Analysis()
    freq = meeting_frequency(empty, "month")
    assert freq.empty and freq.attrs["meetings"] == 0
    assert meeting_timeline(empty).empty


def test_bad_period_and_grouping_raise_clear_errors(meetings_analysis):
    with pytest.raises(ValueError, match="period must be one of"):
        meeting_frequency(meetings_analysis, "fortnight")
    with pytest.raises(ValueError, match="by must be one of"):
        meeting_frequency(meetings_analysis, "month", "country")


# --------------------------------------------------------------------------- sentiment


@pytest.fixture
def quotes_analysis() -> na.Analysis:
    quotes = pd.DataFrame(
        {
            "article_id": ["a0", "a1", "a2", "a1", "a2", "a3", "a4"],
            "quote_id": [f"q{i}" for i in range(7)],
            "text": ["t"] * 7,
            "kind": ["direct", "partial", "direct", "partial", "partial", "direct", "direct"],
            "speaker": ["Vladimir Putin"] * 3 + ["Xi Jinping", "Xi Jinping", "Joko Widodo", None],
            "speaker_id": [PUTIN] * 3 + [XI, XI, JOKOWI, None],
            "sentiment": [0.8, 0.9, -0.1, 0.7, 0.5, 0.6, 0.2],
            "sentiment_label": [
                "positive",
                "positive",
                "neutral",
                "positive",
                "positive",
                "positive",
                "neutral",
            ],
        }
    )
    return na.Analysis(articles=_articles(5), actors=ACTORS, quotes=quotes)


def test_sentiment_by_speaker_mean_ci_and_n(quotes_analysis):
    summary = sentiment_by_speaker(quotes_analysis).set_index("speaker")
    putin = summary.loc["Vladimir Putin"]
    assert putin["n"] == 3
    assert putin["mean"] == pytest.approx(0.5333333)
    # sd = 0.550757; t(0.975, 2) = 4.302653; half width = 4.302653 * 0.550757 / sqrt(3)
    assert putin["ci_low"] == pytest.approx(
        0.5333333 - 4.302653 * 0.550757 / math.sqrt(3), abs=1e-5
    )
    assert putin["ci_high"] == 1.0  # clipped to the scale
    assert putin[["negative", "neutral", "positive"]].tolist() == [0, 1, 2]
    assert bool(putin["low_n"])
    jokowi = summary.loc["Joko Widodo"]
    assert jokowi["n"] == 1 and math.isnan(jokowi["ci_low"])
    assert "(unattributed)" not in summary.index
    assert summary.index.tolist()[0] == "Vladimir Putin"  # most quoted first


def test_sentiment_filters(quotes_analysis):
    only_xi = sentiment_by_speaker(quotes_analysis, actors=["Xi"])  # an alias is not a name
    assert only_xi.empty
    only_xi = sentiment_by_speaker(quotes_analysis, actors=["xi jinping"])
    assert only_xi["speaker"].tolist() == ["Xi Jinping"]
    english = select_quotes(quotes_analysis, languages="en")
    assert sorted(english["quote_id"]) == ["q1", "q3"]  # a4's quote has no speaker
    direct = sentiment_by_speaker(quotes_analysis, kinds="direct", min_quotes=2)
    assert direct["speaker"].tolist() == ["Vladimir Putin"] and direct["n"].tolist() == [2]


def test_sentiment_over_time(quotes_analysis):
    monthly = sentiment_over_time(quotes_analysis, "month")
    assert monthly[["period", "n"]].values.tolist() == [
        [pd.Timestamp("2022-11-01"), 1],
        [pd.Timestamp("2023-03-01"), 5],
    ]
    assert monthly["mean"].iloc[1] == pytest.approx((0.8 + 0.9 - 0.1 + 0.7 + 0.5) / 5)
    per_speaker = sentiment_over_time(quotes_analysis, "quarter", by_speaker=True)
    assert set(per_speaker["speaker"]) == {"Vladimir Putin", "Xi Jinping", "Joko Widodo"}
    assert sentiment_over_time(na.Analysis(), "month").empty


# --------------------------------------------------------------------------- network


@pytest.fixture
def network_analysis() -> na.Analysis:
    text0 = "Xi met Putin in Moscow. Zelensky spoke. Putin said “Xi is a friend”."
    text1 = "Jokowi called Putin. Xi and Putin spoke again."
    articles = _articles(2).assign(text=[text0, text1], language=["en", "en"])

    def m(article, text, surface, actor, nth=0):
        start = -1
        for _ in range(nth + 1):
            start = text.index(surface, start + 1)
        return dict(
            article_id=article,
            actor_id=actor,
            surface=surface,
            start=start,
            end=start + len(surface),
            method="kb",
        )

    mentions = [
        m("a0", text0, "Xi", XI),
        m("a0", text0, "Putin", PUTIN),
        m("a0", text0, "Zelensky", ZELENSKY),
        m("a0", text0, "Putin", PUTIN, 1),
        m("a0", text0, "Xi", XI, 1),
        m("a1", text1, "Jokowi", JOKOWI),
        m("a1", text1, "Putin", PUTIN),
        m("a1", text1, "Xi", XI),
        m("a1", text1, "Putin", PUTIN, 1),
    ]
    sentences = [0, 0, 1, 2, 2, 0, 0, 1, 1]
    mentions = pd.DataFrame(mentions).assign(sentence=sentences)
    q_start = text0.index("Xi is a friend")
    quotes = pd.DataFrame(
        [
            dict(
                article_id="a0",
                quote_id="a0:q0",
                text="Xi is a friend",
                start=q_start,
                end=q_start + 14,
                kind="direct",
                speaker="Vladimir Putin",
                speaker_id=PUTIN,
                sentiment=0.7,
                sentiment_label="positive",
            )
        ]
    )
    meetings = pd.DataFrame(
        [
            _meeting("a0", 0, [XI, PUTIN], "visit", "happened", "2023-03-21", None, "day"),
            _meeting("a1", 0, [JOKOWI, PUTIN], "phone", "negated"),
        ]
    )
    return na.Analysis(
        articles=articles, mentions=mentions, actors=ACTORS, quotes=quotes, meetings=meetings
    )


def test_network_edges_of_three_kinds(network_analysis):
    edges = network_edges(network_analysis)
    table = {(r.source, r.target, r.kind): r for r in edges.itertuples()}
    co = table[("Xi Jinping", "Vladimir Putin", "co_mention")]
    # sentences: a0 s0, a0 s2, a1 s1 -> weight 3 in 2 articles
    assert (co.weight, co.articles) == (3, 2)
    assert co.first == pd.Timestamp("2023-03-17") and co.last == pd.Timestamp("2023-03-21")
    assert sorted(co.evidence) == [("a0", "0"), ("a0", "2"), ("a1", "1")]
    met = table[("Xi Jinping", "Vladimir Putin", "met")]
    assert met.weight == 1 and met.first == pd.Timestamp("2023-03-21")
    quoted = table[("Vladimir Putin", "Xi Jinping", "quoted_about")]
    assert quoted.weight == 1 and quoted.directed and quoted.evidence == [("a0", "a0:q0")]
    assert ("Joko Widodo", "Vladimir Putin", "met") not in table  # the negated call
    assert table[("Joko Widodo", "Vladimir Putin", "co_mention")].weight == 1
    assert not any(
        "Zelensky" in (r.source, r.target) for r in edges.itertuples()
    )  # alone in its sentence


def test_network_filters_weight_and_ego(network_analysis):
    assert network_edges(network_analysis, min_weight=2)["kind"].tolist() == ["co_mention"]
    assert set(network_edges(network_analysis, kinds="met")["kind"]) == {"met"}
    late = network_edges(network_analysis, start="2023-03-20", kinds="co_mention")
    assert late["weight"].tolist() == [1, 1]  # only article a1's sentences
    jokowi = network_edges(network_analysis, actors=["Joko Widodo"])
    assert set(jokowi["source"]) | set(jokowi["target"]) == {"Joko Widodo", "Vladimir Putin"}
    edges = network_edges(network_analysis)
    ego = ego_edges(edges, JOKOWI, depth=1)
    assert set(ego["source_id"]) | set(ego["target_id"]) == {JOKOWI, PUTIN}
    assert len(ego_edges(edges, JOKOWI, depth=2)) == len(edges)


def test_network_nodes_communities_and_evidence(network_analysis):
    edges = network_edges(network_analysis)
    nodes = network_nodes(network_analysis, edges).set_index("name")
    assert nodes.loc["Vladimir Putin", "mentions"] == 4 and nodes.loc["Xi Jinping", "articles"] == 2
    assert nodes.loc["Volodymyr Zelensky", "community"] == -1  # no links
    groups = communities(edges)
    assert groups[XI] == groups[PUTIN]
    evidence = edge_evidence(network_analysis, edges[edges["kind"] == "co_mention"].head(1))
    assert evidence["sentence"].tolist() == [  # most recent article first
        "Xi and Putin spoke again.",
        "Xi met Putin in Moscow.",
        "Putin said “Xi is a friend”.",
    ]
    assert network_edges(na.Analysis()).empty and network_nodes(na.Analysis()).empty


def _naive_edges(net, start=None, end=None, languages=None, kinds=None, actors=None):
    """network_edges recomputed the slow, obvious way (group-by over the instance rows)."""
    from newsanalysis.aggregate._common import date_mask, value_mask

    inst = net.instances
    keep = date_mask(inst["date"], start, end) & value_mask(inst["language"], languages)
    keep &= value_mask(inst["kind"], kinds)
    if actors:
        keep &= inst["source_id"].isin(actors) | inst["target_id"].isin(actors)
    grouped = inst[keep].groupby(["source_id", "target_id", "kind"])
    out = grouped.agg(
        weight=("ref", "size"),
        articles=("article_id", "nunique"),
        first=("date", "min"),
        last=("date", "max"),
    )
    return out.sort_index()


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"start": "2023-03-18"},
        {"end": "2023-03-21"},
        {"start": "2022-12-01", "end": "2023-03-17"},
        {"languages": ["en"]},
        {"kinds": ["met", "quoted_about"]},
        {"actors": ["Q7747"]},
        {"start": "2023-01-01", "languages": ["id"], "actors": ["Q15031", "Q6176"]},
    ],
)
def test_network_edges_match_a_plain_group_by(filters):
    """The integer index gives the same weights, article counts and dates as a group-by."""
    from demo_analysis import make_demo_analysis

    from newsanalysis.aggregate import network_data

    net = network_data(make_demo_analysis())
    fast = network_edges(net, evidence=False, **filters)
    fast = fast.set_index(["source_id", "target_id", "kind"]).sort_index()
    slow = _naive_edges(net, **filters)
    assert len(slow) > 0
    assert fast[["weight", "articles"]].to_dict() == slow[["weight", "articles"]].to_dict()
    assert (fast["first"] == slow["first"]).all() and (fast["last"] == slow["last"]).all()


def test_network_article_count_with_several_dates_in_one_article():
    """Two meetings of one pair in one article, a date range keeping only the later one."""
    articles = _articles(1)
    meetings = pd.DataFrame(
        [
            _meeting("a0", 0, [XI, PUTIN], "visit", "happened", "2023-01-10", None, "day"),
            _meeting("a0", 1, [XI, PUTIN], "phone", "happened", "2023-02-10", None, "day"),
            _meeting("a0", 2, [XI, PUTIN], "talks", "happened", "2023-03-10", None, "day"),
        ]
    )
    analysis = na.Analysis(articles=articles, actors=ACTORS, meetings=meetings)
    met = network_edges(analysis, kinds="met")
    assert met[["weight", "articles"]].values.tolist() == [[3, 1]]
    later = network_edges(analysis, kinds="met", start="2023-02-01")
    assert later[["weight", "articles"]].values.tolist() == [[2, 1]]
    assert later["first"].iloc[0] == pd.Timestamp("2023-02-10")
    middle = network_edges(analysis, kinds="met", start="2023-02-01", end="2023-02-28")
    assert middle[["weight", "articles"]].values.tolist() == [[1, 1]]


def test_edge_evidence_without_article_text(network_analysis):
    """A result stored without texts (or one text missing): no sentence, no exception."""
    edges = network_edges(network_analysis)
    articles = network_analysis.articles.copy()
    articles["text"] = pd.Series([None, pd.NA], dtype="string")
    bare = na.Analysis(
        articles=articles,
        mentions=network_analysis.mentions,
        actors=network_analysis.actors,
        quotes=network_analysis.quotes,
        meetings=network_analysis.meetings,
    )
    evidence = edge_evidence(bare, edges)
    co = evidence[evidence["kind"] == "co_mention"]
    assert len(co) and co["sentence"].isna().all()
    quoted = evidence[evidence["kind"] == "quoted_about"]
    assert quoted["sentence"].tolist() == ["Xi is a friend"]  # quotes keep their own text


def test_edge_evidence_for_the_shown_edges_only(network_analysis):
    """Without an evidence column, rows come from the index under the same filters."""
    edges = network_edges(network_analysis, evidence=False, start="2023-03-20")
    assert "evidence" not in edges.columns
    rows = edge_evidence(network_analysis, edges, start="2023-03-20")
    assert set(rows.loc[rows["kind"] != "met", "article_id"]) == {"a1"}
    # the visit of 21 March, reported on the 17th, is dated by the meeting
    assert rows.loc[rows["kind"] == "met", "article_id"].tolist() == ["a0"]
    co = rows[(rows["kind"] == "co_mention") & (rows["source"] == "Xi Jinping")]
    assert co["sentence"].tolist() == ["Xi and Putin spoke again."]
    capped = edge_evidence(network_analysis, network_edges(network_analysis), per_edge=1)
    assert capped.groupby(["kind", "source", "target"]).size().max() == 1
    assert len(edge_evidence(network_analysis, network_edges(network_analysis), limit=2)) == 2


def test_network_nodes_top_keeps_ties_and_the_actors_asked_for(network_analysis):
    # mentions: Putin 4, Xi 3, Jokowi 1, Zelensky 1
    top = network_nodes(network_analysis, top=2)
    assert top["name"].tolist() == ["Vladimir Putin", "Xi Jinping"]
    kept = network_nodes(network_analysis, top=2, keep=[ZELENSKY])
    assert set(kept["actor_id"]) == {PUTIN, XI, ZELENSKY}
    ties = network_nodes(network_analysis, top=3)  # Jokowi and Zelensky share third place
    assert len(ties) == 4
    assert len(network_nodes(network_analysis, top=10)) == 4
    late = network_nodes(network_analysis, top=1, start="2023-03-20")  # article a1 only
    assert late[["name", "mentions"]].values.tolist() == [["Vladimir Putin", 2]]


def test_readable_min_weight():
    assert readable_min_weight([1, 1, 2], most=5) == 1
    weights = [9, 7, 5, 3, 3, 2, 1, 1]
    assert readable_min_weight(weights, most=3) == 4  # keeps 9, 7, 5
    assert readable_min_weight(weights, most=4) == 4  # 3 and 3 tie: both go
    assert readable_min_weight([2, 2, 2], most=1) == 2  # all tie at the top: keep them
    assert readable_min_weight([], most=1) == 1


def test_view_min_weight_follows_the_view(network_analysis):
    # links: Xi-Putin co-mentioned 3, met 1, quoted 1; Jokowi-Putin co-mentioned 1
    assert view_min_weight(network_analysis, links=150) == 1
    assert view_min_weight(network_analysis, links=1) == 2  # only Xi-Putin (3) left
    assert view_min_weight(network_analysis, links=1, actors=["Joko Widodo"]) == 1
    assert view_min_weight(network_analysis, links=1, focus=JOKOWI, depth=1) == 1
    assert view_min_weight(network_analysis, links=1, focus=JOKOWI, depth=2) == 2
    # among the two most mentioned actors only (Putin, Xi): three links
    assert view_min_weight(network_analysis, links=3, nodes=2) == 1
    assert view_min_weight(network_analysis, links=2, nodes=2) == 2
    # a filter that leaves article a1: Jokowi-Putin and Xi-Putin, weight 1 each (a tie at
    # the top: both stay)
    assert view_min_weight(network_analysis, links=1, start="2023-03-20", kinds="co_mention") == 1
