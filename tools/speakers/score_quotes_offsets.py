#!/usr/bin/env python3
"""Who said what, scored as ../shared/gold/score_quotes.py scores it, with quotes matched by their
place in the article instead of by their words.

Usage:
  newsdex extract --json ../shared/gold/dev2/texts > pred.ndjson
  tools/speakers/score_quotes_offsets.py ../shared/gold/dev2/quotes.jsonl pred.ndjson
                                         [--texts DIR] [--split NAME] [--show-errors]

Why: score_quotes.py pairs a gold quote with every predicted quote whose words contain its words
(or are contained in them), as strings: a one-word gold quote (`"great"`) is paired with every
other person's quote holding that word, and `"blog"` with a quote holding `Bloggies`. The gold
itself, given to it as the prediction, scores 0.968 precision and 1.6 % wrong person on `check`.
Here a predicted quote and a gold quote are the same quote when their character spans in the file
overlap by at least half of the shorter one; the counts are otherwise score_quotes.py's. The gold
gives its spans as offsets into the file, `newsdex extract --json` as offsets into the article's
body; the body's place in the file is found from the predicted quotes' own text (the shift most of
them agree on). Quotes whose text is not found in the file are left out and counted.

--texts: the folder of the articles (default: `texts` beside the gold file).
"""
import collections
import json
import sys
from pathlib import Path

GOLD = Path(__file__).resolve().parents[2].parent / "shared/gold"
sys.path.insert(0, str(GOLD))
from score import norm_name  # noqa: E402


def overlaps(a, b):
    """Spans `a` and `b` (start, end) overlap by half of the shorter one or more."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return shorter > 0 and inter * 2 >= shorter


def gold_span(text, gq):
    """A gold quote's span: its offsets, or where its text first stands when it has none."""
    if "start" in gq and "end" in gq:
        return gq["start"], gq["end"]
    at = text.find(gq["text"])
    return (at, at + len(gq["text"])) if at >= 0 else None


def occurrences(text, t):
    at = text.find(t) if t else -1
    while at >= 0:
        yield at
        at = text.find(t, at + 1)


def file_spans(text, quotes):
    """The predicted quotes' spans in the file. A quote is placed where its text (or, for a text
    the body gives with other spacing, its first 30 characters) stands nearest to its body offset
    plus the body's start, the shift most quotes agree on. None for a quote not found."""
    shifts = collections.Counter()
    for q in quotes:
        if len(q.get("text", "")) >= 4:
            for at in occurrences(text, q["text"]):
                shifts[at - q["start"]] += 1
    shift = shifts.most_common(1)[0][0] if shifts else 0
    out = []
    for q in quotes:
        t = q.get("text", "")
        near = q["start"] + shift
        found = list(occurrences(text, t)) or list(occurrences(text, t[:30].strip()))
        if not found:
            out.append(None)
            continue
        at = min(found, key=lambda x: abs(x - near))
        out.append((at, at + len(t)))
    return out


def main(argv):
    if len(argv) < 3 or argv[1].startswith("-"):
        print(__doc__)
        return 2
    split = argv[argv.index("--split") + 1] if "--split" in argv else None
    texts = Path(argv[argv.index("--texts") + 1]) if "--texts" in argv else Path(argv[1]).parent / "texts"
    show = "--show-errors" in argv
    gold = {}
    for line in open(argv[1], encoding="utf-8"):
        if line.strip():
            g = json.loads(line)
            if split is None or g.get("split") == split:
                gold[(Path(g["file"]).name, int(g.get("article", 0)))] = g
    pred = {}
    for line in open(argv[2], encoding="utf-8"):
        if line.strip():
            p = json.loads(line)
            pred[(Path(p["path"]).name, int(p.get("article", 0)))] = p
    n_gold_named = found = pred_named = right = wrong = on_other = lost = 0
    errors = []
    for k, g in sorted(gold.items()):
        text = (texts / k[0]).read_text(encoding="utf-8")
        pq = pred.get(k, {}).get("quotes", [])
        spans = file_spans(text, pq)
        lost += sum(1 for s in spans if s is None)
        for gq in g["quotes"]:
            if gq.get("optional"):
                continue
            place = gold_span(text, gq)
            matches = [q for q, s in zip(pq, spans) if s and place and overlaps(place, s)]
            alts = {norm_name(a) for a in (gq.get("speaker") or "").split("|") if a}
            named = [q for q in matches if q.get("speaker")]
            if gq["kind"] == "named":
                n_gold_named += 1
                ok = any(norm_name(q["speaker"]) in alts for q in named)
                found += ok
                if not ok:
                    errors.append((k, gq["text"][:60], gq.get("speaker"), [q["speaker"] for q in named] or None))
            for q in named:
                pred_named += 1
                if gq["kind"] == "named" and norm_name(q["speaker"]) in alts:
                    right += 1
                elif gq["kind"] == "named":
                    wrong += 1
                    errors.append((k, gq["text"][:60], gq.get("speaker"), [q["speaker"]]))
                else:
                    on_other += 1
                    errors.append((k, gq["text"][:60], f"({gq['kind']})", [q["speaker"]]))
    rec = found / n_gold_named if n_gold_named else 0.0
    prec = right / pred_named if pred_named else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    if show:
        for (f, a), text, gs, ps in errors:
            print(f"{f}#{a}: \"{text}\" gold {gs} predicted {ps}")
    print(f"attribution (by place): precision {prec:.3f} recall {rec:.3f} f1 {f1:.3f} "
          f"(gold named quotes {n_gold_named}, found with the right speaker {found}; "
          f"predicted named {pred_named}: right {right}, wrong person {wrong}, "
          f"named on an unnamed/none quote {on_other}; {len(gold)} articles; "
          f"{lost} predicted quotes not placed)")
    share = wrong / pred_named if pred_named else 0.0
    print(f"wrong person (by place): {wrong} of {pred_named} predicted named quotes ({share:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
