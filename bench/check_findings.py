"""What the checker says on real reports, rule by rule, with three examples each — for judging precision
by hand (every finding on these reports should be a real slip or a style note said once).

    python bench/check_findings.py [--fold national|provincial|supervision]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from phrasebank.check.checker import Checker
from phrasebank.document.files import read_paragraphs
from phrasebank.structure.cleaning import clean_lines

SHARED = ROOT.parent / "shared"
FOLDS = {"national": SHARED / "natreports", "provincial": SHARED / "govreports", "supervision": SHARED / "corpus"}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fold", choices=FOLDS, default="provincial")
    args = parser.parse_args()
    checker = Checker.default()
    counts: Counter[str] = Counter()
    examples: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    reports = sorted(FOLDS[args.fold].glob("*.txt"))
    for path in reports:
        paragraphs = clean_lines(read_paragraphs(path)).paragraphs
        for finding in checker.check(paragraphs):
            counts[finding.rule] += 1
            text = paragraphs[finding.paragraph]
            around = text[max(0, finding.column - 12) : finding.column + finding.length + 12]
            examples[finding.rule].append((path.name, around, finding.fix or ""))
    print(f"{args.fold}: {sum(counts.values())} findings in {len(reports)} reports")
    for rule, n in counts.most_common():
        print(f"{n:5}  {rule}")
        for name, around, fix in random.Random(1).sample(examples[rule], min(3, len(examples[rule]))):
            print(f"         {name[:20]}  …{around}…  {('→ ' + fix) if fix else ''}")
    out = ROOT / "bench" / "results" / f"check_findings_{args.fold}.json"
    out.write_text(json.dumps(dict(counts), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
