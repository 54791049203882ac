"""Typing suggestions measured as an input-method writer meets them, on reports the engine has never seen.

A writer re-types each held-out report. The input method commits the text a word at a time (jieba
words of the true text; punctuation is its own commit). After each commit, and after each accepted
suggestion, the engine is asked once with the whole document before the cursor and the document
memory (fed each finished clause, as the editor does). If a shown completion is exactly what comes
next, the writer accepts the longest such one (cost 1); otherwise they commit the next word (cost =
its characters). Printed per corpus, leave-one-out:

- savings: 1 - cost / characters;
- popup: share of asks that showed a popup;
- top-1: share of popups whose first entry is what comes next;
- split: share of shown completions whose typed part starts inside a word of the true text.

Two references run in the same folds: repeated-substring matching and jieba.analyse keywords (both
match on any character, as engines without word boundaries do). `--sweep` also runs the engine at
several show thresholds (how SHOW_THRESHOLD was chosen).

`--own` measures 我的报告库: each national report from 2008 on is typed with the provincial reports as the
built-in bank, then again with the earlier national reports (the same office's past reports, none later) added
as the writer's own bank, as the editor combines them; as reference, one bank mined from both together.

    python bench/keystrokes.py [--quick] [--only corpus|govreports|natreports] [--sweep] [--own]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from phrasebank.mining.miner import Document, load_documents, mine_documents
from phrasebank.structure.outline import Role
from phrasebank.suggest.bank import PhraseBank
from phrasebank.suggest.context import current_tail
from phrasebank.suggest.memory import DocumentMemory
from phrasebank.suggest.ranking import SHOW_THRESHOLD
from phrasebank.text import segment

SHARED = ROOT.parent / "shared"
LIMIT = 5
#: The editor learns a clause once its closing mark is typed.
CLAUSE_MARKS = "。！？；，、："
SWEEP = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)


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

    def suggest(self, before: str, section=None) -> list[tuple[str, int]]:
        tail = current_tail(before)
        out: list[tuple[str, int]] = []
        for k in range(min(len(tail), 6), 0, -1):
            for text in self.by_prefix.get(tail[-k:], ()):
                if all(text[k:] != c for c, _ in out):
                    out.append((text[k:], k))
            if len(out) >= LIMIT:
                break
        return out[:LIMIT]


class KeywordReference:
    """jieba.analyse TF-IDF keywords of the training text, completed from their first characters."""

    def __init__(self, documents: list[Document]) -> None:
        import jieba.analyse

        text = "\n".join(p for doc in documents for p in doc.paragraphs)
        self.keywords = jieba.analyse.extract_tags(text, topK=3000)

    def suggest(self, before: str, section=None) -> list[tuple[str, int]]:
        tail = current_tail(before)
        out: list[tuple[str, int]] = []
        for k in range(min(len(tail), 6), 0, -1):
            for w in self.keywords:
                if len(w) > k + 1 and w.startswith(tail[-k:]) and all(w[k:] != c for c, _ in out):
                    out.append((w[k:], k))
            if len(out) >= LIMIT:
                break
        return out[:LIMIT]


class EngineUnderTest:
    """The product's engine: the mined bank plus the memory of what was typed so far."""

    def __init__(self, bank: PhraseBank, threshold: float, own: PhraseBank | None = None) -> None:
        self.bank = bank
        self.threshold = threshold
        self.own = own
        self.memory = DocumentMemory()

    def suggest(self, before: str, section=None) -> list[tuple[str, int]]:
        """(completion, length of the typed text it was matched on) as the popup shows them."""
        self.bank.threshold = self.threshold
        shown = self.bank.suggest(before, section, LIMIT, memory=self.memory, own=self.own)
        return [(s.completion, len(s.phrase) - len(s.completion)) for s in shown]

    def learn(self, clause: str) -> None:
        self.memory.learn(clause)


def mine_bank(documents: list[Document]) -> PhraseBank:
    result = mine_documents(documents)
    return PhraseBank(result.phrases, result.index, result.prefix_counts)


def simulate(suggester, document: Document) -> Counter:
    """Re-type a document commit by commit; count characters, cost, asks, popups, hits and splits."""
    structure = document.structure
    stats: Counter = Counter()
    typed_before = ""
    learn = getattr(suggester, "learn", None)
    for index, paragraph in enumerate(document.paragraphs):
        if structure.roles[index] is Role.EMPTY:
            continue
        section = structure.section_at(index)
        starts = set(segment.word_starts(paragraph)) | {len(paragraph)}
        ends = sorted(starts)
        pos = learned = 0
        while pos < len(paragraph):
            if learn and pos > learned and paragraph[pos - 1] in CLAUSE_MARKS:
                learn(paragraph[learned:pos])
                learned = pos
            before = typed_before + paragraph[:pos]
            accepted = _ask(suggester, before, section, paragraph, pos, starts, stats) if pos else 0
            if accepted:
                pos += accepted
                continue
            nxt = next(e for e in ends if e > pos)
            stats["cost"] += nxt - pos
            stats["commits"] += 1
            pos = nxt
        if learn and learned < len(paragraph):
            learn(paragraph[learned:])
        stats["characters"] += len(paragraph)
        typed_before += paragraph + "\n"
    return stats


def _ask(suggester, before: str, section, paragraph: str, pos: int, starts: set[int], stats: Counter) -> int:
    """Ask once; accept the longest right completion. Returns how many characters were accepted."""
    shown = suggester.suggest(before, section)
    stats["asks"] += 1
    if not shown:
        return 0
    stats["popups"] += 1
    stats["shown"] += len(shown)
    stats["split"] += sum(1 for _, typed in shown if pos - typed not in starts)
    right = [completion for completion, _ in shown if paragraph.startswith(completion, pos)]
    if paragraph.startswith(shown[0][0], pos):
        stats["top1"] += 1
    if not right:
        return 0
    best = max(right, key=len)
    stats["cost"] += 1
    stats["accepted"] += 1
    stats["accepted_chars"] += len(best)
    return len(best)


def figures(stats: Counter) -> dict[str, float]:
    return {
        "savings": 1 - stats["cost"] / stats["characters"],
        "popup": stats["popups"] / max(stats["asks"], 1),
        "top1": stats["top1"] / max(stats["popups"], 1),
        "split": stats["split"] / max(stats["shown"], 1),
    }


def _line(label: str, f: dict[str, float]) -> str:
    return (
        f"{label:<22} saves {f['savings']:6.1%}  popup {f['popup']:5.1%}  top-1 {f['top1']:5.1%}  "
        f"split {f['split']:5.1%}"
    )


def run_folds(
    name: str,
    held_out: list[Document],
    extra: list[Document],
    quick: bool,
    thresholds: tuple[float, ...],
    references: bool,
) -> dict:
    """Leave-one-out over `held_out` (training on the rest plus `extra`); totals pooled over folds."""
    sweep = len(thresholds) > 1
    totals: dict[str, Counter] = {}
    rows = []
    folds = held_out[:: max(len(held_out) // 3, 1)] if quick else held_out
    for document in folds:
        train = [d for d in held_out if d is not document] + extra
        started = time.perf_counter()
        bank = mine_bank(train)
        methods = {f"engine@{t:.2f}": EngineUnderTest(bank, t) for t in thresholds}
        if references:
            methods["substring"] = SubstringReference(train)
            methods["keywords"] = KeywordReference(train)
        row: dict = {"file": document.name}
        for method, suggester in methods.items():
            stats = simulate(suggester, document)
            totals.setdefault(method, Counter()).update(stats)
            row[method] = figures(stats)
        rows.append(row)
        shipped = row[f"engine@{SHOW_THRESHOLD:.2f}" if not sweep else f"engine@{thresholds[-1]:.2f}"]
        print(f"  {_line(document.name[:20], shipped)}  ({time.perf_counter() - started:.0f} s)", flush=True)
    summary = {method: figures(stats) for method, stats in totals.items()}
    print(f"{name}: pooled over {len(folds)} held-out reports")
    for method, f in summary.items():
        print("  " + _line(method, f))
    return {"folds": rows, "pooled": summary}


def run_own(national: list[Document], provincial: list[Document], quick: bool) -> dict:
    """我的报告库: national reports typed with the provincial bank alone, then with the earlier national
    reports as the writer's own bank beside it; reference: one bank mined from both."""
    builtin = mine_bank(provincial)
    national = sorted(national, key=lambda d: d.name)
    held = [d for d in national if d.name[:4] >= "2008"]
    folds = held[:: max(len(held) // 3, 1)] if quick else held
    totals: dict[str, Counter] = {}
    rows = []
    for document in folds:
        earlier = [d for d in national if d.name[:4] < document.name[:4]]
        own = mine_bank(earlier)
        methods = {
            "built-in": EngineUnderTest(builtin, SHOW_THRESHOLD),
            "built-in + own": EngineUnderTest(builtin, SHOW_THRESHOLD, own),
            "one bank of both": EngineUnderTest(mine_bank(provincial + earlier), SHOW_THRESHOLD),
        }
        row: dict = {"file": document.name, "own reports": len(earlier)}
        for method, suggester in methods.items():
            stats = simulate(suggester, document)
            totals.setdefault(method, Counter()).update(stats)
            row[method] = figures(stats)
            print(f"  {_line(f'{document.name[:4]} {method}', row[method])}", flush=True)
        rows.append(row)
    summary = {method: figures(stats) for method, stats in totals.items()}
    print(f"我的报告库: pooled over {len(folds)} national reports (built-in: the 16 provincial reports)")
    for method, f in summary.items():
        print("  " + _line(method, f))
    return {"folds": rows, "pooled": summary}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="about three folds per corpus")
    parser.add_argument("--only", choices=["corpus", "govreports", "natreports"])
    parser.add_argument("--sweep", action="store_true", help=f"engine at show thresholds {SWEEP}")
    parser.add_argument("--thresholds", type=float, nargs="+", help="engine at these show thresholds")
    parser.add_argument("--no-references", action="store_true", help="skip the two reference methods")
    parser.add_argument("--own", action="store_true", help="我的报告库: the office's earlier reports as its own bank")
    args = parser.parse_args()
    segment.warm_up()
    corpus = list(load_documents([SHARED / "corpus"]))
    gov = list(load_documents([SHARED / "govreports"]))
    nat = list(load_documents([SHARED / "natreports"]))
    if args.own:
        out = ROOT / "bench" / "results" / "keystrokes-own.json"
        out.write_text(json.dumps(run_own(nat, gov, args.quick), ensure_ascii=False, indent=1))
        print(f"figures written to {out.relative_to(ROOT)}")
        return
    plans = {
        "corpus": ("supervision reports; train on the other corpus reports", corpus, []),
        "govreports": ("provincial reports; train on the other govreports + natreports", gov, nat),
        "natreports": ("national reports; train on the other natreports + govreports", nat, gov),
    }
    results = {}
    for name, (what, held_out, extra) in plans.items():
        if args.only and args.only != name:
            continue
        print(f"Leave-one-out over shared/{name} ({what}):", flush=True)
        thresholds = tuple(args.thresholds) if args.thresholds else SWEEP if args.sweep else (SHOW_THRESHOLD,)
        results[name] = run_folds(name, held_out, extra, args.quick, thresholds, not args.no_references)
    suffix = "-sweep" if args.sweep or args.thresholds else ""
    out = ROOT / "bench" / "results" / f"keystrokes{suffix}.json"
    out.parent.mkdir(exist_ok=True)
    kept = json.loads(out.read_text()) if out.exists() else {}  # --only replaces its own part, not the others
    out.write_text(json.dumps({**kept, **results}, ensure_ascii=False, indent=1))
    print(f"figures written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
