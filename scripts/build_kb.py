"""Build the shipped actor knowledge base: ``newsanalysis/resources/actors/*.csv``.

Sources (see ``newsanalysis/resources/LEDGER.md``):

- ``../shared/resources/world-leaders/wikidata-2021.csv``: heads of state and government
  with Wikidata ids and start/end years (CC0).
- CLDR territory names in Indonesian and English, read through Babel (Unicode licence);
  Babel is needed here only, never at run time.
- ``scripts/kb_sources/*.csv``: hand-curated countries' extra names, capitals and
  adjectives; international organisations, ministries and offices; people of Indonesian
  and world politics with their dated roles (written by the newsanalysis developers).

Run ``python scripts/build_kb.py`` from the repository root; it rewrites the three tables
(``actors.csv``, ``aliases.csv``, ``roles.csv``) deterministically.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

from babel import Locale
from babel.core import get_global

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsanalysis.actors.ids import make_actor_id  # noqa: E402

SOURCES = ROOT / "scripts" / "kb_sources"
OUT = ROOT / "newsanalysis" / "resources" / "actors"
LEADERS = ROOT.parent / "shared" / "resources" / "world-leaders" / "wikidata-2021.csv"

#: CLDR codes that are not countries or territories
#: alpha-3 codes withdrawn from ISO 3166-1 (ISO 3166-3 and the reserved "ROM"), which
#: CLDR still maps to today's countries ("DDR" -> DE, "BUR" -> MM, "YMD" -> YE)
WITHDRAWN_ALPHA3 = {
    "ANT",
    "BUR",
    "BYS",
    "CSK",
    "DDR",
    "DHY",
    "FXX",
    "HVO",
    "NHB",
    "NTZ",
    "RHO",
    "ROM",
    "SCG",
    "SUN",
    "TMP",
    "VDR",
    "YMD",
    "YUG",
    "ZAR",
}

NOT_COUNTRIES = {
    "EU",
    "EZ",
    "UN",
    "QO",
    "ZZ",
    "XA",
    "XB",
    "AQ",
    "BV",
    "HM",
    "UM",
    "IC",
    "CP",
    "DG",
    "EA",
    "TA",
    "AC",
    "CQ",
}
#: Wikidata country labels whose CLDR English name differs
WIKIDATA_COUNTRY_CODES = {
    "People's Republic of China": "CN",
    "United States of America": "US",
    "Kingdom of Denmark": "DK",
    "Kingdom of the Netherlands": "NL",
    "Republic of Ireland": "IE",
    "East Timor": "TL",
    "Ivory Coast": "CI",
    "The Bahamas": "BS",
    "The Gambia": "GM",
    "Czech Republic": "CZ",
    "Democratic Republic of the Congo": "CD",
    "Republic of the Congo": "CG",
    "Federated States of Micronesia": "FM",
    "State of Palestine": "PS",
    "Vatican City": "VA",
    "Cape Verde": "CV",
    "Eswatini": "SZ",
    "North Macedonia": "MK",
    "São Tomé and Príncipe": "ST",
    "Sahrawi Arab Democratic Republic": "EH",
    "Myanmar": "MM",
    "Bosnia and Herzegovina": "BA",
    "Saint Kitts and Nevis": "KN",
    "Saint Lucia": "LC",
    "Saint Vincent and the Grenadines": "VC",
    "Trinidad and Tobago": "TT",
    "Antigua and Barbuda": "AG",
    "Turkey": "TR",
    "Kosovo": "XK",
}

POSITION_ROLES = [  # (pattern on the Wikidata position label, role key), first match wins
    (r"vice[- ]president", "vice_president"),
    (
        r"prime minister|premier|president of the government|chief minister|taoiseach",
        "prime_minister",
    ),
    (r"chancellor", "chancellor"),
    (r"supreme leader", "supreme_leader"),
    (r"governor-general", "governor_general"),
    (
        r"monarch|king|queen|sultan|emir|emperor|yang di-pertuan agong|druk gyalpo|ngwenyama|prince|pope",
        "monarch",
    ),
    (r"chairman", "head_of_state"),
    (r"president", "president"),
]


def _read_curated(name: str) -> list[dict[str, str]]:
    with (SOURCES / name).open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    rows = list(csv.DictReader(lines))
    for n, row in enumerate(rows, 2):
        if None in row:
            raise SystemExit(f"{name}: row {n} has too many fields: {row}")
    return [{k: (v or "").strip() for k, v in row.items()} for row in rows]


def _split_aliases(field: str) -> list[tuple[str, str]]:
    """``"AS|en:US"`` -> ``[("AS", ""), ("US", "en")]``."""
    out = []
    for item in field.split("|"):
        item = item.strip()
        if not item:
            continue
        language = ""
        if re.match(r"^[a-z]{2}:", item):
            language, item = item[:2], item[3:]
        out.append((item, language))
    return out


def _role_of(label: str) -> str:
    low = label.lower()
    for pattern, role in POSITION_ROLES:
        if re.search(pattern, low):
            return role
    return "head_of_state"


class Builder:
    def __init__(self) -> None:
        self.actors: dict[str, dict[str, str]] = {}
        self.aliases: set[tuple[str, str, str, str]] = set()
        self.roles: dict[tuple[str, str, str], list[tuple[str, str]]] = {}
        self.by_name: dict[str, str] = {}
        self.curated_roles: set[tuple[str, str, str]] = set()

    def add_actor(self, actor_id, name, type_, country="", wikidata_id="", leader_role=""):
        row = self.actors.setdefault(
            actor_id,
            {
                "actor_id": actor_id,
                "name": name,
                "type": type_,
                "country": "",
                "wikidata_id": "",
                "leader_role": "",
            },
        )
        row["name"] = name or row["name"]
        row["country"] = country or row["country"]
        row["wikidata_id"] = wikidata_id or row["wikidata_id"]
        row["leader_role"] = leader_role or row["leader_role"]
        self.by_name.setdefault(name, actor_id)
        self.add_alias(actor_id, name, "", "name")
        return actor_id

    def add_alias(self, actor_id, alias, language="", kind="name"):
        alias = alias.strip()
        if alias:
            self.aliases.add((actor_id, alias, language, kind))

    def add_role(self, actor_id, role, of, start, end, curated=False):
        """A dated role; the first curated row of a (person, role, of) drops the others."""
        key = (actor_id, role, of)
        if curated and key not in self.curated_roles:
            self.curated_roles.add(key)
            self.roles[key] = []
        self.roles.setdefault(key, []).append((start, end))


def build(leaders_path: Path, out: Path) -> dict[str, int]:
    b = Builder()
    en, id_ = Locale("en"), Locale("id")
    alpha3 = {}
    for code, targets in get_global("territory_aliases").items():
        # CLDR lists the withdrawn codes too ("DDR", "BUR" for DE, MM): keep the current one
        if len(code) == 3 and code.isalpha() and len(targets) == 1 and code not in WITHDRAWN_ALPHA3:
            alpha3.setdefault(targets[0], code)
    alpha3["XK"] = "XKX"
    country_extra = {row["iso3"]: row for row in _read_curated("countries.csv")}

    # Wikidata ids of countries, from the leaders table
    english_names = {name: code for code, name in en.territories.items()}
    leaders = list(csv.DictReader(leaders_path.open(encoding="utf-8")))
    country_qid: dict[str, str] = {}
    unmatched_states: dict[str, str] = {}
    for row in leaders:
        code = WIKIDATA_COUNTRY_CODES.get(row["country"]) or english_names.get(row["country"])
        if code:
            country_qid[code] = row["countryid"]
        else:
            unmatched_states[row["countryid"]] = row["country"]

    # countries from CLDR
    iso3_to_id: dict[str, str] = {}
    for code, name_en in sorted(en.territories.items()):
        if not re.fullmatch(r"[A-Z]{2}", code) or code in NOT_COUNTRIES or code not in alpha3:
            continue
        iso3 = alpha3[code]
        qid = country_qid.get(code, "")
        actor_id = make_actor_id("country", name_en, qid)
        extra = country_extra.get(iso3, {})
        b.add_actor(actor_id, name_en, "country", iso3, qid, extra.get("leader_role", ""))
        b.add_alias(actor_id, name_en, "en", "name")
        if code in id_.territories:
            b.add_alias(actor_id, id_.territories[code], "id", "name")
        for alias, language in _split_aliases(extra.get("aliases", "")):
            b.add_alias(actor_id, alias, language, "name")
        for alias, language in _split_aliases(extra.get("capitals", "")):
            b.add_alias(actor_id, alias, language, "metonym")
        if extra.get("demonym_en"):
            b.add_alias(actor_id, extra["demonym_en"], "en", "demonym")
        iso3_to_id[iso3] = actor_id
    # states outside CLDR (Abkhazia, Transnistria, ...): Wikidata name and id only
    for qid, name in sorted(unmatched_states.items()):
        b.add_actor(qid, name, "country", "", qid)

    # organisations (curated)
    for row in _read_curated("organisations.csv"):
        actor_id = make_actor_id(row["type"], row["name"], row["wikidata_id"])
        b.add_actor(actor_id, row["name"], row["type"], row["country"], row["wikidata_id"])
        for alias, language in _split_aliases(row["aliases"]):
            b.add_alias(actor_id, alias, language, "name")

    # heads of state and government (Wikidata)
    for row in leaders:
        code = WIKIDATA_COUNTRY_CODES.get(row["country"]) or english_names.get(row["country"])
        iso3 = alpha3.get(code, "") if code else ""
        qid = row["officeholder"]
        b.add_actor(qid, row["officeholderLabel"], "person", iso3, qid)
        of = iso3 or row["countryid"]
        b.add_role(qid, _role_of(row["positionLabel"]), of, row["start_year"], row["end_year"])

    # people (curated): merged with the Wikidata row of the same id
    for row in _read_curated("persons.csv"):
        actor_id = make_actor_id("person", row["name"], row["wikidata_id"])
        known = b.actors.get(actor_id)
        if known and known["name"] != row["name"]:
            b.add_alias(actor_id, row["name"], "", "name")
            b.add_actor(actor_id, known["name"], "person", row["country"], row["wikidata_id"])
        else:
            b.add_actor(actor_id, row["name"], "person", row["country"], row["wikidata_id"])
        b.by_name[row["name"]] = actor_id
        for alias, language in _split_aliases(row["aliases"]):
            b.add_alias(actor_id, alias, language, "name")

    # dated roles (curated) replace the Wikidata ones for the same person, role and country
    for row in _read_curated("roles.csv"):
        actor_id = b.by_name.get(row["name"])
        if actor_id is None:
            raise SystemExit(f"roles.csv: unknown person {row['name']!r}")
        of = row["of"]
        if not re.fullmatch(r"[A-Z]{3}", of):
            if of not in b.by_name:
                raise SystemExit(f"roles.csv: unknown organisation {of!r}")
            of = b.by_name[of]
        b.add_role(actor_id, row["role"], of, row["valid_from"], row["valid_to"], curated=True)

    out.mkdir(parents=True, exist_ok=True)
    actor_rows = sorted(b.actors.values(), key=lambda r: (r["type"], r["name"], r["actor_id"]))
    _write(
        out / "actors.csv",
        ["actor_id", "name", "type", "country", "wikidata_id", "leader_role"],
        actor_rows,
    )
    alias_rows = [
        {"actor_id": a, "alias": s, "language": lang, "kind": k}
        for a, s, lang, k in sorted(b.aliases, key=lambda t: (t[0], t[3], t[2], t[1]))
        if not lang or (a, s, "", k) not in b.aliases  # an alias of every language is enough
    ]
    _write(out / "aliases.csv", ["actor_id", "alias", "language", "kind"], alias_rows)
    role_rows = [
        {"actor_id": a, "role": r, "of": of, "valid_from": s, "valid_to": e}
        for (a, r, of), spans in sorted(b.roles.items())
        for s, e in sorted(set(spans))
    ]
    _write(out / "roles.csv", ["actor_id", "role", "of", "valid_from", "valid_to"], role_rows)
    return {"actors": len(actor_rows), "aliases": len(alias_rows), "roles": len(role_rows)}


def _write(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leaders", type=Path, default=LEADERS)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    counts = build(args.leaders, args.out)
    print(", ".join(f"{n} {name}" for name, n in counts.items()), "->", args.out)


if __name__ == "__main__":
    main()
