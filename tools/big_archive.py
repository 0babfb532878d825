#!/usr/bin/env python3
"""Generates a large archive for memory and throughput measurements by recombining the
paragraphs of an existing archive (by default ../shared/corpora) into new files of three stories
each, separated by `---` lines. The output is for measurements only: never commit it.

    python3 tools/big_archive.py ../shared/corpora target/big-archive 1000   # about 1000 MB
"""
import os
import random
import sys


def main():
    source, target, megabytes = sys.argv[1], sys.argv[2], int(sys.argv[3])
    headlines, paragraphs = [], []
    for folder, _, files in os.walk(source):
        for name in files:
            if not name.endswith(".txt"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
                lines = [l.strip() for l in f if l.strip()]
            if len(lines) >= 2:
                headlines.append(lines[0])
                paragraphs.extend(lines[1:])
    rng = random.Random(5)
    written, n = 0, 0
    limit = megabytes * 1_000_000
    while written < limit:
        stories = []
        for _ in range(3):
            body = "\n\n".join(rng.choice(paragraphs) for _ in range(rng.randint(4, 12)))
            stories.append(rng.choice(headlines) + "\n" + body)
        text = "\n---\n".join(stories) + "\n"
        folder = os.path.join(target, f"{n // 1000:04d}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"{n:07d}.txt"), "w", encoding="utf-8") as f:
            f.write(text)
        written += len(text.encode("utf-8"))
        n += 1
    print(f"{n} files, {written / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
