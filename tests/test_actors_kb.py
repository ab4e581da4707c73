"""The actor knowledge base (newsanalysis/actors/kb.py) and its build (scripts/build_kb.py)."""

from __future__ import annotations

import filecmp
import importlib.util
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT, shared_path

from newsanalysis.actors import load_kb
from newsanalysis.actors.ids import make_actor_id, slug
from newsanalysis.actors.kb import RESOURCES, KnowledgeBase


def test_shipped_tables_have_their_columns_and_real_rows():
    kb = load_kb()
    assert list(kb.tables["actors"].columns)[:5] == [
        "actor_id",
        "name",
        "type",
        "country",
        "wikidata_id",
    ]
    assert list(kb.tables["aliases"].columns) == ["actor_id", "alias", "language", "kind"]
    assert list(kb.tables["roles"].columns)[:5] == [
        "actor_id",
        "role",
        "of",
        "valid_from",
        "valid_to",
    ]
    assert len(kb.actors) > 800
    assert set(kb.tables["actors"]["type"]) <= {"person", "organisation", "country", "group"}
    assert kb.actors["Q7747"].name == "Vladimir Putin" and kb.actors["Q7747"].country == "RUS"
    # CLDR names in both languages, ISO alpha-3 codes
    china = kb.actors[kb.country_by_code["CHN"]]
    assert {"China", "Tiongkok"} <= set(china.aliases)
    us = kb.actors[kb.country_by_code["USA"]]
    assert "Amerika Serikat" in us.aliases and us.country == "USA"
    # curated organisations with both languages' names
    assert {"KPK", "Komisi Pemberantasan Korupsi"} <= {
        a for a in kb.actors["org:komisi-pemberantasan-korupsi"].aliases
    } | {kb.actors["org:komisi-pemberantasan-korupsi"].name}


def test_dated_roles():
    kb = load_kb()
    usa, rus, chn, idn = (kb.country_by_code[c] for c in ("USA", "RUS", "CHN", "IDN"))
    assert kb.holder("president", usa, date(2019, 6, 1)) == "Q22686"  # Trump
    assert kb.holder("president", usa, date(2015, 6, 1)) == "Q76"  # Obama
    assert kb.holder("president", usa, date(2021, 1, 20)) == "Q6279"  # handover day: Biden
    assert kb.holder("president", rus, date(2010, 1, 1)) == "per:dmitry-medvedev"
    assert kb.holder("leader", rus, date(2023, 3, 17)) == "Q7747"
    assert kb.holder("leader", chn, date(2023, 3, 17)) == "Q15031"
    assert kb.holder("foreign_minister", chn, date(2023, 3, 17)) == "per:qin-gang"
    assert kb.holder("foreign_minister", chn, date(2023, 9, 1)) == "per:wang-yi"
    assert kb.holder("vice_president", idn, date(2019, 11, 1)) == "per:ma-ruf-amin"
    assert kb.holder("president", usa, None) is None
    assert kb.has_role("Q7747", {"leader"}, date(2023, 3, 17))
    assert not kb.has_role("Q7747", {"foreign_minister"})


def test_year_only_roles_that_overlap_stay_unresolved():
    actors = pd.DataFrame(
        [
            {"actor_id": "Q1", "name": "Old PM", "type": "person"},
            {"actor_id": "Q2", "name": "New PM", "type": "person"},
            {"actor_id": "Q9", "name": "Ruritania", "type": "country", "country": "RUR"},
        ]
    )
    roles = pd.DataFrame(
        [
            {
                "actor_id": "Q1",
                "role": "prime_minister",
                "of": "RUR",
                "valid_from": "2018",
                "valid_to": "2022",
            },
            {
                "actor_id": "Q2",
                "role": "prime_minister",
                "of": "RUR",
                "valid_from": "2022",
                "valid_to": "",
            },
        ]
    )
    kb = KnowledgeBase(actors, None, roles)
    assert kb.holder("prime_minister", "Q9", date(2020, 5, 1)) == "Q1"
    assert kb.holder("prime_minister", "Q9", date(2022, 5, 1)) is None  # both, to the year only
    assert kb.holders("prime_minister", "Q9", date(2022, 5, 1)) == ["Q2", "Q1"]


def test_user_folder_of_tables(tmp_path: Path):
    (tmp_path / "actors.csv").write_text(
        "name,type,country\nBudi Santoso,person,IDN\n", encoding="utf-8"
    )
    (tmp_path / "roles.csv").write_text(
        "actor_id,role,of,valid_from,valid_to\nBudi Santoso,president,IDN,2019-10-20,\n",
        encoding="utf-8",
    )
    kb = load_kb(tmp_path)
    assert kb.actors["per:budi-santoso"].country == "IDN"
    # the user's role wins over the shipped one where both have a holder
    assert (
        kb.holder("president", kb.country_by_code["IDN"], date(2019, 11, 1)) == "per:budi-santoso"
    )
    assert kb.holder("president", kb.country_by_code["IDN"], date(2015, 1, 1)) == "Q3318231"


def test_ids_are_stable_slugs_or_wikidata():
    assert slug("Recep Tayyip Erdoğan") == "recep-tayyip-erdogan"
    assert make_actor_id("person", "Wang Wenbin") == "per:wang-wenbin"
    assert make_actor_id("organisation", "Kremlin") == "org:kremlin"
    assert make_actor_id("person", "Vladimir Putin", "Q7747") == "Q7747"
    assert make_actor_id("person", "X", "not-an-id") == "per:x"


def test_build_script_reproduces_the_shipped_tables(tmp_path: Path):
    leaders = shared_path("resources", "world-leaders", "wikidata-2021.csv")
    pytest.importorskip("babel")
    spec = importlib.util.spec_from_file_location("build_kb", ROOT / "scripts" / "build_kb.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    counts = module.build(leaders, tmp_path)
    assert counts["actors"] > 800 and counts["roles"] > 400
    for name in ("actors.csv", "aliases.csv", "roles.csv"):
        assert filecmp.cmp(tmp_path / name, RESOURCES / name, shallow=False), name


@pytest.mark.parametrize(
    "code, name", [("DEU", "Germany"), ("MMR", "Myanmar (Burma)"), ("YEM", "Yemen")]
)
def test_countries_carry_their_current_iso_code(code, name):
    # CLDR also maps withdrawn codes ("DDR", "BUR", "YMD") to these countries
    kb = load_kb()
    assert kb.actors[kb.country_by_code[code]].name == name
    assert not {"DDR", "BUR", "YMD", "ZAR", "TMP", "ROM"} & set(kb.tables["actors"]["country"])
    assert "Burma" in kb.actors[kb.country_by_code["MMR"]].aliases
