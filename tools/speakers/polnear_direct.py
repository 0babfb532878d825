#!/usr/bin/env python3
"""Who said the direct quotes of PolNeAR train: a check of the speaker attribution on 840 US
political articles the rules were not written on.

Usage:
  newsdex extract --json ../shared/gold/polnear-train/texts > pred.ndjson
  tools/speakers/polnear_direct.py pred.ndjson [--gold ../shared/gold/polnear-train/attributions.jsonl]
                                   [--reported] [--show right|wrong|unnamed|noquote] [--top N]

For every human attribution marked `direct` whose source span holds a capitalised word other than
a pronoun or a title (`Sen. Claire McCaskill (D-Mo.)`, `Cruz`, and also `the Washington Examiner`:
the annotation does not say whether a source is a person), the predicted quotes with the same
words (matched as `score_quotes.py` matches them) are looked up and the attribution counted as
  right    - one of them names a speaker sharing a word with the source span;
  wrong    - they name speakers, none sharing a word with it;
  unnamed  - they name no one;
  noquote  - no predicted quote has those words.
A source that is a body or a quote nested in another quote inflates `unnamed` and `noquote`, and
the same quote repeated in an article is paired with each attribution quoting it, so the counts
are for comparing two builds side by side, not a score. Misses are grouped by cue words.

With --reported, the attributions not marked `direct` (reported speech) whose content has four
words or more are checked instead, against the predicted reported quotes of four words or more
whose words are, for seven in ten at least, words of that content.
"""
import collections
import json
import re
import sys
from pathlib import Path

GOLD = Path(__file__).resolve().parents[2].parent / "shared/gold"
sys.path.insert(0, str(GOLD))
from score_quotes import same_quote, words  # noqa: E402

NOT_NAMES = {"I", "We", "The", "A", "An", "He", "She", "They", "It", "Mr", "Mrs", "Ms"}


def reported_match(content_words, text):
    """A predicted reported quote of four words or more, seven in ten of them in the content."""
    w = set(words(text))
    return len(words(text)) >= 4 and len(w & content_words) >= 0.7 * len(w)


def main(argv):
    if len(argv) < 2 or argv[1].startswith("-"):
        print(__doc__)
        return 2
    gold_path = argv[argv.index("--gold") + 1] if "--gold" in argv else GOLD / "polnear-train/attributions.jsonl"
    show = argv[argv.index("--show") + 1] if "--show" in argv else None
    top = int(argv[argv.index("--top") + 1]) if "--top" in argv else 20
    reported = "--reported" in argv
    pred = {}
    for line in open(argv[1], encoding="utf-8"):
        if line.strip():
            p = json.loads(line)
            # A file split into several articles: their quotes together.
            pred.setdefault(Path(p["path"]).name, []).extend(p.get("quotes", []))
    counts = collections.Counter()
    misses = collections.Counter()
    shown = []
    for line in open(gold_path, encoding="utf-8"):
        g = json.loads(line)
        quotes = pred.get(g["file"])
        if quotes is None:
            continue
        for a in g["attributions"]:
            if bool(a.get("direct")) == reported or not a.get("source"):
                continue
            src = " ".join(s["text"] for s in a["source"])
            if not [w for w in re.findall(r"[A-Z][\w'\-]+", src) if w not in NOT_NAMES]:
                continue
            src_words = set(re.findall(r"[\w'\-]+", src.lower()))
            content = " ".join(c["text"] for c in a["content"])
            cue = " ".join(c["text"] for c in a.get("cue", [])).lower()
            if reported:
                content_words = set(words(content))
                if len(content_words) < 4:
                    continue
                qs = [q for q in quotes if not q.get("direct") and reported_match(content_words, q.get("text", ""))]
            else:
                qs = [q for q in quotes if q.get("direct") and same_quote(content, q.get("text", ""))]
            if not qs:
                kind = "noquote"
            elif any(q.get("speaker") and src_words & set(q["speaker"].lower().split()) for q in qs):
                kind = "right"
            elif any(q.get("speaker") for q in qs):
                kind = "wrong"
            else:
                kind = "unnamed"
            counts[kind] += 1
            if kind != "right":
                misses[(kind, cue)] += 1
            if kind == show:
                shown.append((g["file"], src[:50], content[:70], [q.get("speaker") for q in qs]))
    total = sum(counts.values())
    print(f"{'reported' if reported else 'direct'} attributions with a capitalised source: {total}; "
          + ", ".join(f"{k} {counts[k]}" for k in ("right", "wrong", "unnamed", "noquote")))
    for (kind, cue), n in misses.most_common(top):
        print(f"  {n:4} {kind:8} {cue}")
    for f, src, content, speakers in shown:
        print(f"{f}: source {src!r} quote {content!r} predicted {speakers}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
