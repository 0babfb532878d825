#!/usr/bin/env python3
"""Trains the person test of the speaker extractor (issue 17): is a capitalised name a person?

Usage:
  tools/speakers/train_person.py [--corpus DIR] [--out src/extract/data/models/person.tsv]

Learns a logistic regression from the human named-entity annotation of the CoNLL-2003 `train_*`
stories (DIR/metadata.jsonl, default ../shared/corpora/conll2003-reuters): every PER mention is
a positive example; every ORG, LOC and MISC mention, and every capitalised word outside an
entity, a negative one. Reports accuracy on `testa`+`testb` (never trained on), then writes
the weights as `feature<TAB>weight` lines. Plain Python 3.11, no packages; deterministic.

The features are the ones `src/extract/speakers/person.rs` computes for a name at run time, so
the two must change together: the name's words (`w=`), first and last word (`f=`, `l=`), the
last word's last three letters (`s3=`), the words before and after it (`p=`, `p2=`, `n=`,
`n2=`; `p=<p>` at a paragraph start), its length (`len=`), all capitals (`caps`), and whether
the article puts `Mr`/`Mrs`/`Ms`/`Dr` before its last word anywhere (`mr`). Word features are
kept only for words seen at least MIN_COUNT times, so the model holds no rare names.
"""
import json
import math
import random
import re
import sys
from collections import Counter
from pathlib import Path

MIN_COUNT = 3
EPOCHS = 12
L2 = 1e-4
RATE = 0.1
# Words as the extractor's tokenizer makes them: joined by ' - & and dotted initials (`U.S.`);
# a full stop stays with an initial or a dotted word only.
TOKEN = re.compile(r"(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Prof|Rev|Maj|Sgt)\.|\w(?:\.\w)+\.?|[A-Z]\.(?=\s)|\w+(?:[-'\u2019&]\w+)*|\S", re.UNICODE)
COURTESY = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr."}


def tokens(text):
    """(start, end, word) of each token, with a paragraph number."""
    out = []
    para = 0
    last = 0
    for m in TOKEN.finditer(text):
        para += text.count("\n", last, m.start())
        last = m.start()
        out.append((m.start(), m.end(), m.group(), para))
    return out


def norm(w):
    w = w.lower().replace("\u2019", "'").rstrip(".")
    if w.endswith("'s") and len(w) > 2:
        w = w[:-2]
    return w


def features(toks, a, b, courtesy_last):
    """Features of the name made of tokens a..b (exclusive)."""
    ws = [norm(t[2]) for t in toks[a:b]]
    f = ["b", f"f={ws[0]}", f"l={ws[-1]}", f"s3={ws[-1][-3:]}", f"len={min(len(ws), 4)}"]
    f += [f"w={w}" for w in ws]
    if a == 0 or toks[a - 1][3] != toks[a][3]:
        f.append("p=<p>")
    else:
        f.append(f"p={norm(toks[a - 1][2])}")
        if a >= 2 and toks[a - 2][3] == toks[a][3]:
            f.append(f"p2={norm(toks[a - 2][2])}")
    if b < len(toks) and toks[b][3] == toks[b - 1][3]:
        f.append(f"n={norm(toks[b][2])}")
        if b + 1 < len(toks) and toks[b + 1][3] == toks[b][3]:
            f.append(f"n2={norm(toks[b + 1][2])}")
    if all(t[2].upper() == t[2] and any(c.isalpha() for c in t[2]) for t in toks[a:b]) and \
            sum(c.isalpha() for t in toks[a:b] for c in t[2]) >= 2:
        f.append("caps")
    if ws[-1] in courtesy_last:
        f.append("mr")
    return f


def examples(corpus, meta):
    text = (corpus / meta["file"]).read_text(encoding="utf-8")
    toks = tokens(text)
    starts = {t[0]: i for i, t in enumerate(toks)}
    ends = {t[1]: i for i, t in enumerate(toks)}
    courtesy_last = {norm(toks[i + 1][2]) for i in range(len(toks) - 1)
                     if toks[i][2].lower() in COURTESY}
    covered = set()
    for e in meta["entities"]:
        a = starts.get(e["start"])
        # an entity may end inside a token (a possessive): take the token holding its end
        b = ends.get(e["end"])
        if b is None:
            b = next((i for i, t in enumerate(toks) if t[0] < e["end"] <= t[1]), None)
        if a is None or b is None or b < a:
            continue
        covered.update(range(a, b + 1))
        yield features(toks, a, b + 1, courtesy_last), e["type"] == "PER"
    # capitalised words outside entities (`Soybeans`, `Exporters`): not people
    for i, t in enumerate(toks):
        if i not in covered and t[2][:1].isupper() and t[2][:1].isalpha() and len(t[2]) > 1:
            yield features(toks, i, i + 1, courtesy_last), False


def train(data):
    w = Counter()
    rnd = random.Random(17)
    order = list(range(len(data)))
    for epoch in range(EPOCHS):
        rnd.shuffle(order)
        rate = RATE / (1 + epoch)
        for i in order:
            f, y = data[i]
            z = sum(w[x] for x in f)
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            g = (1 if y else 0) - p
            for x in f:
                w[x] += rate * (g - L2 * w[x])
    return w


def score(w, f):
    return 1 / (1 + math.exp(-max(-30, min(30, sum(w.get(x, 0.0) for x in f)))))


def main(argv):
    root = Path(__file__).resolve().parents[2]
    corpus = Path(argv[argv.index("--corpus") + 1]) if "--corpus" in argv else \
        root.parent / "shared/corpora/conll2003-reuters"
    out = Path(argv[argv.index("--out") + 1]) if "--out" in argv else \
        root / "src/extract/data/models/person.tsv"
    metas = [json.loads(l) for l in open(corpus / "metadata.jsonl", encoding="utf-8")]
    train_set = [x for m in metas if m["split"] == "train" for x in examples(corpus, m)]
    test_set = [x for m in metas if m["split"] != "train" for x in examples(corpus, m)]
    # word features only for words seen MIN_COUNT times in training
    counts = Counter(x for f, _ in train_set for x in set(f))
    keep = lambda x: counts[x] >= MIN_COUNT
    train_set = [([x for x in f if keep(x)], y) for f, y in train_set]
    w = train(train_set)
    w = {k: v for k, v in w.items() if abs(v) >= 0.01}
    for name, data in (("train", train_set), ("testa+testb", test_set)):
        tp = sum(1 for f, y in data if y and score(w, f) >= 0.5)
        fp = sum(1 for f, y in data if not y and score(w, f) >= 0.5)
        fn = sum(1 for f, y in data if y and score(w, f) < 0.5)
        acc = sum(1 for f, y in data if (score(w, f) >= 0.5) == y) / len(data)
        print(f"{name}: {len(data)} examples, accuracy {acc:.3f}, person P {tp / max(1, tp + fp):.3f} "
              f"R {tp / max(1, tp + fn):.3f}", file=sys.stderr)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as o:
        o.write("# Person test weights (logistic regression), generated by tools/speakers/train_person.py\n")
        o.write("# from the CoNLL-2003 named-entity annotation (train stories); see data/SOURCES.md.\n")
        o.write("# feature<TAB>weight; do not edit by hand.\n")
        for k in sorted(w):
            o.write(f"{k}\t{w[k]:.4f}\n")
    print(f"{len(w)} weights -> {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
