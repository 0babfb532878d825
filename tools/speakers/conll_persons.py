#!/usr/bin/env python3
"""How many predicted speakers are not people, measured on the CoNLL-2003 stories (issue 17).

Usage:
  tools/speakers/conll_persons.py [PRED.ndjson] [--corpus DIR] [--show]

PRED.ndjson is `newsdex extract --json` over the CoNLL-2003 stories; without it the script runs
`target/release/newsdex extract --json DIR` itself. DIR (default ../shared/corpora/conll2003-reuters)
holds the stories and `metadata.jsonl`, the human named-entity annotation (PER / ORG / LOC /
MISC spans) of each story.

A predicted speaker is a person when one of the story's PER mentions names it: the words of the
speaker are all words of that mention, a name suffix aside (`Fischler` matches `Franz
Fischler`; `U.K. Chancellor` and `Outspoken Andrei Medvedev` match no mention). Every other speaker counts as not a person, labelled with the type of an
entity mention that shares a word with it (ORG, LOC, MISC) or `none`. Prints the figure for the
`train` stories (used for learning) apart from `testa`+`testb` (kept for checking); --show lists
the speakers that are not people. Exits 0.
"""
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path


def words(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return [w for w in re.findall(r"[\w'.-]+", s) if w.strip(".'-")]


def main(argv):
    corpus = Path(argv[argv.index("--corpus") + 1]) if "--corpus" in argv else \
        Path(__file__).resolve().parents[2].parent / "shared/corpora/conll2003-reuters"
    show = "--show" in argv
    args = [a for i, a in enumerate(argv[1:], 1)
            if not a.startswith("--") and argv[i - 1] != "--corpus"]
    if args:
        lines = open(args[0], encoding="utf-8").read().splitlines()
    else:
        exe = Path(__file__).resolve().parents[2] / "target/release/newsdex"
        out = subprocess.run([str(exe), "extract", "--json", str(corpus)],
                             capture_output=True, text=True, check=True).stdout
        lines = out.splitlines()
    meta = {}
    for line in open(corpus / "metadata.jsonl", encoding="utf-8"):
        m = json.loads(line)
        meta[m["file"]] = m
    stats = {"train": [0, 0, {}], "test": [0, 0, {}]}
    listed = []
    for line in lines:
        if not line.strip():
            continue
        p = json.loads(line)
        name = Path(p["path"]).name
        m = meta.get(name)
        if m is None:
            continue
        split = "train" if m["split"] == "train" else "test"
        per = [set(words(e["text"])) for e in m["entities"] if e["type"] == "PER"]
        others = [(e["type"], set(words(e["text"]))) for e in m["entities"] if e["type"] != "PER"]
        for sp in p["speakers"]:
            w = set(words(sp)) - {"jr", "jr.", "sr", "sr.", "ii", "iii"}
            s = stats[split]
            s[0] += 1
            if any(w and w <= e for e in per if e):
                continue
            kind = next((t for t, e in others if w & e), "none")
            s[1] += 1
            s[2][kind] = s[2].get(kind, 0) + 1
            listed.append((split, name, sp, kind))
    if show:
        for split, name, sp, kind in listed:
            print(f"{split}\t{name}\t{sp}\t{kind}")
    for split, label in (("train", "train"), ("test", "testa+testb")):
        n, bad, kinds = stats[split]
        rate = 100 * bad / n if n else 0.0
        detail = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items(), key=lambda kv: -kv[1]))
        print(f"{label}: {bad} of {n} predicted speakers match no PER entity "
              f"({rate:.1f} per 100; {detail or 'none'})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
