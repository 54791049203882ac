"""我的报告库: the writer's own past reports as a collection of their own.

The writer names folders (and may leave single reports out); the reports under them are mined into a
bank kept in the data folder beside a record of which files, as of which change, it learned from.
When a file is added, changed or removed the bank is stale and is mined again. The editor offers its
phrases in the dock (the writer's own phrasing first) and its completions beside the built-in bank's.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from phrasebank.atomic import write_bytes_atomic
from phrasebank.errors import BankError, PhrasebankError
from phrasebank.paths import data_dir
from phrasebank.suggest.bank import PhraseBank

FOLDER = "my_reports"
#: What a report file was when it was learned: (modification time in ns, size).
Stamp = tuple[int, int]


class Shelf:
    """The writer's report folders, the reports left out, and the bank mined from the rest."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or data_dir() / FOLDER
        self.record_path = self.folder / "shelf.json"
        self.bank_path = self.folder / "bank.sqlite"

    # ---- what the writer chose ---------------------------------------------------------------

    def _record(self) -> dict:
        try:
            record = json.loads(self.record_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {"folders": [], "left_out": [], "learned": {}}
        return record if isinstance(record, dict) else {"folders": [], "left_out": [], "learned": {}}

    def _save(self, record: dict) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(self.record_path, json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8"))

    def folders(self) -> list[Path]:
        return [Path(f) for f in self._record().get("folders", [])]

    def add_folder(self, folder: Path) -> None:
        """Add a folder of reports (its reports are learned at the next `rebuild`)."""
        if not folder.is_dir():
            raise PhrasebankError(f"文件夹不存在：{folder}")
        record = self._record()
        name = str(folder.resolve())
        if name not in record.setdefault("folders", []):
            record["folders"].append(name)
        self._save(record)

    def remove_folder(self, folder: Path) -> None:
        record = self._record()
        record["folders"] = [f for f in record.get("folders", []) if Path(f) != folder]
        self._save(record)

    def leave_out(self, report: Path) -> None:
        """Learn no more from one report (the others stay)."""
        record = self._record()
        if str(report) not in record.setdefault("left_out", []):
            record["left_out"].append(str(report))
        self._save(record)

    # ---- the reports and the bank ------------------------------------------------------------

    def reports(self) -> list[Path]:
        """The reports the bank should learn from: under the folders that still exist, not left out."""
        from phrasebank.document.files import iter_report_files  # (the readers load once there is work)

        record = self._record()
        left_out = set(record.get("left_out", []))
        folders = [f for f in self.folders() if f.is_dir()]
        return [p for p in iter_report_files(folders) if str(p) not in left_out and not p.name.startswith("~$")]

    def learned(self) -> list[Path]:
        """The reports the bank on disk was mined from."""
        return [Path(p) for p in self._record().get("learned", {})]

    def is_stale(self) -> bool:
        """Whether a report was added, changed or removed since the bank was mined."""
        return _stamps(self.reports()) != {k: tuple(v) for k, v in self._record().get("learned", {}).items()}

    def load(self) -> PhraseBank | None:
        """The bank mined from the writer's reports, or None before any was mined — or when it was written by an
        earlier version or is damaged: it is then forgotten, and `is_stale` asks for the reports to be mined again."""
        if not self.bank_path.exists():
            return None
        try:
            return PhraseBank.load(self.bank_path)
        except BankError:
            self.bank_path.unlink(missing_ok=True)
            record = self._record()
            record["learned"] = {}
            self._save(record)
            return None

    def rebuild(self, progress: Callable[[int, int, str], None] | None = None) -> PhraseBank | None:
        """Mine the reports again (off the GUI thread); None when there are none."""
        from phrasebank.mining.banks import mine  # the miner loads numpy: only when mining

        reports = self.reports()
        stamps = _stamps(reports)
        if not reports:
            self.bank_path.unlink(missing_ok=True)
            bank = None
        else:
            bank = mine(reports, progress=progress)
            self.folder.mkdir(parents=True, exist_ok=True)
            bank.save(self.bank_path)
        record = self._record()
        record["learned"] = {name: list(stamp) for name, stamp in stamps.items()}
        self._save(record)
        return bank


def _stamps(reports: list[Path]) -> dict[str, Stamp]:
    stamps = {}
    for report in reports:
        try:
            info = report.stat()
        except OSError:
            continue
        stamps[str(report)] = (info.st_mtime_ns, info.st_size)
    return stamps
