"""Keystroke savings of typing suggestions on reports the engine has never seen (leave-one-out).

A writer re-types each held-out report paragraph by paragraph. Each typed character costs 1;
accepting one of the top-5 suggestions that matches what comes next costs 1 (the longest matching
one is taken). Savings = 1 - cost / characters. Two references are computed in the same run:
plain repeated-substring matching and jieba.analyse keyword completion.

    python bench/keystrokes.py [--quick]     # --quick: first 4 govreports folds only
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from phrasebank.bank import PhraseBank  # noqa: E402
from phrasebank.memory import DocumentMemory  # noqa: E402
from phrasebank.mining import Document, load_documents, mine_documents  # noqa: E402
from phrasebank.structure import Role  # noqa: E402
from phrasebank.suggest import current_tail  # noqa: E402

SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
GOVREPORTS = SHARED / "govreports"
LIMIT = 5
#: The editor learns a clause once its closing mark is typed.
CLAUSE_MARKS = "。！？；，、："


class SubstringReference:
    """Plain repeated-substring matching: every substring (2-8 chars) seen twice, ranked by count."""

    def __init__(self, documents: list[Document], max_len: int = 8) -> None:
        counts: Counter[str] = Counter()
        for doc in documents:
            for paragraph in doc.paragraphs:
                for start in range(len(paragraph)):
                    for end in range(start + 2, min(start + max_len, len(paragraph)) + 1):
                        counts[paragraph[start:end]] += 1
        self.by_prefix: dict[str, list[str]] = {}
        for text, n in sorted(counts.items(), key=lambda item: -item[1]):
            if n < 2:
                break
            for k in range(1, len(text) - 1):
                bucket = self.by_prefix.setdefault(text[:k], [])
                if len(bucket) < LIMIT:
                    bucket.append(text)

    def suggest(self, before: str, section=None) -> list[str]:
        tail = current_tail(before)
        out: list[str] = []
        for k in range(min(len(tail), 6), 0, -1):
            for text in self.by_prefix.get(tail[-k:], ()):
                completion = text[k:]
                if completion not in out:
                    out.append(completion)
            if len(out) >= LIMIT:
                break
        return out[:LIMIT]


class KeywordReference:
    """jieba.analyse TF-IDF keywords of the training text, completed from their first characters."""

    def __init__(self, documents: list[Document]) -> None:
        import jieba.analyse

        text = "\n".join(p for doc in documents for p in doc.paragraphs)
        self.keywords = jieba.analyse.extract_tags(text, topK=3000)

    def suggest(self, before: str, section=None) -> list[str]:
        tail = current_tail(before)
        out: list[str] = []
        for k in range(min(len(tail), 6), 0, -1):
            out.extend(w[k:] for w in self.keywords if len(w) > k + 1 and w.startswith(tail[-k:]) and w[k:] not in out)
            if len(out) >= LIMIT:
                break
        return out[:LIMIT]


class EngineUnderTest:
    """The product's engine: the mined bank plus the memory of the paragraphs typed so far."""

    def __init__(self, documents: list[Document], use_memory: bool = True) -> None:
        result = mine_documents(documents)
        self.bank = PhraseBank(result.phrases, result.index, result.prefix_counts)
        self.memory = DocumentMemory() if use_memory else None

    def suggest(self, before: str, section=None) -> list[str]:
        return [s.completion for s in self.bank.suggest(before, section, LIMIT, memory=self.memory)]

    def learn(self, paragraph: str) -> None:
        if self.memory is not None:
            self.memory.learn(paragraph)


def simulate(suggester, document: Document) -> dict[str, int]:
    """Re-type a document; return characters, cost, popups shown and accepted."""
    structure = document.structure
    stats = Counter()
    for index, paragraph in enumerate(document.paragraphs):
        if structure.roles[index] is Role.EMPTY:
            continue
        section = structure.section_at(index)
        pos = learned = 0
        while pos < len(paragraph):
            end = max(paragraph.rfind(mark, learned, pos) for mark in CLAUSE_MARKS)
            if end >= learned and hasattr(suggester, "learn"):
                suggester.learn(paragraph[learned : end + 1])  # the editor learns each finished clause
                learned = end + 1
            completions = suggester.suggest(paragraph[:pos], section)
            stats["cost"] += 1
            if completions:
                stats["shown"] += 1
            best = max((c for c in completions if paragraph.startswith(c, pos)), key=len, default="")
            if best:
                stats["accepted"] += 1
                pos += len(best)
            else:
                pos += 1
        stats["characters"] += len(paragraph)
        if hasattr(suggester, "learn") and learned < len(paragraph):
            suggester.learn(paragraph[learned:])
    return dict(stats)


def run_folds(name: str, held_out: list[Document], extra: list[Document], quick: bool) -> dict:
    methods = {"engine": EngineUnderTest, "substring": SubstringReference, "keywords": KeywordReference}
    rows = []
    folds = held_out[:4] if quick else held_out
    for document in folds:
        train = [d for d in held_out if d is not document] + extra
        row = {"file": document.name}
        for method, build in methods.items():
            started = time.perf_counter()
            stats = simulate(build(train), document)
            row[method] = 1 - stats["cost"] / stats["characters"]
            row[f"{method}_shown"] = stats.get("shown", 0) / stats["cost"]
            row[f"{method}_accepted"] = stats.get("accepted", 0) / max(stats.get("shown", 0), 1)
            row[f"{method}_seconds"] = time.perf_counter() - started
        rows.append(row)
        print(
            f"  {document.name[:28]:<30} engine {row['engine']:6.1%}  substring {row['substring']:6.1%}  "
            f"keywords {row['keywords']:6.1%}  "
            f"(popup {row['engine_shown']:.0%}, accepted {row['engine_accepted']:.0%})",
            flush=True,
        )
    summary = {m: statistics.mean(r[m] for r in rows) for m in methods}
    summary.update({f"{m}_shown": statistics.mean(r[f"{m}_shown"] for r in rows) for m in methods})
    summary.update({f"{m}_accepted": statistics.mean(r[f"{m}_accepted"] for r in rows) for m in methods})
    print(
        f"  {'MEAN ' + name:<30} engine {summary['engine']:6.1%}  substring {summary['substring']:6.1%}  "
        f"keywords {summary['keywords']:6.1%}  (popup {summary['engine_shown']:.0%} of keystrokes, "
        f"accepted {summary['engine_accepted']:.0%} of popups)"
    )
    return {"folds": rows, "mean": summary}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="only four govreports folds")
    parser.add_argument("--only", choices=["corpus", "govreports"], help="run one corpus only")
    args = parser.parse_args()
    corpus = list(load_documents([CORPUS]))
    gov = list(load_documents([GOVREPORTS]))
    results = {}
    targets = {"corpus": 0.12, "govreports": 0.25}
    if args.only != "govreports":
        print("Leave-one-out over shared/corpus (train on the other corpus reports):")
        results["corpus"] = run_folds("corpus", corpus, [], quick=False)
    if args.only != "corpus":
        print("Leave-one-out over shared/govreports (train on the other govreports plus the corpus):")
        results["govreports"] = run_folds("govreports", gov, corpus, args.quick)
    for name, result in results.items():
        value, target = result["mean"]["engine"], targets[name]
        verdict = "meets" if value >= target else "MISSES"
        print(f"{name}: engine saves {value:.1%} of keystrokes; target {target:.0%}: {verdict} the target")
    out = ROOT / "bench" / "results" / "keystrokes.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, ensure_ascii=False, indent=1))
    print(f"figures written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
