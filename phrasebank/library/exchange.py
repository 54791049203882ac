"""Import and export of the personal library: JSON (lossless, versioned) and CSV (Excel/WPS friendly).

CSV is written as UTF-8 with BOM so Excel and WPS open it as Chinese; it is read as UTF-8 or
GB18030/GBK. An import is all-or-nothing: every row is checked first, and a bad row is reported with
its line number while nothing is imported. Writes go to a temporary file that is then swapped in.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from phrasebank.atomic import write_bytes_atomic
from phrasebank.errors import PhrasebankError, os_reason
from phrasebank.kinds import PhraseKind, SectionType
from phrasebank.library.entry import Entry, entry_from_row, lenient_text, row_intact
from phrasebank.library.store import Library, LibraryError
from phrasebank.text.encoding import decode

FORMAT = "gongwen-desk-library"
VERSION = 1
CSV_FIELDS = ("text", "kind", "sections", "tags", "note", "favourite", "usage", "created", "updated", "source")
_TRUE = {"1", "true", "yes", "是", "y"}
_FALSE = {"0", "false", "no", "否", "n", ""}


#: A count no writer reaches: past it a value is damage, not use.
MAX_USAGE = 10**9

csv.field_size_limit(16 * 1024 * 1024)  # a long note exported here must import again


class ExchangeError(PhrasebankError):
    """A file that cannot be imported; the message names the file and the first bad lines."""


@dataclass
class ImportReport:
    added: int
    duplicates: int
    unreadable: int = 0  # rows of a damaged library file that could not be read back (salvage)


def export_library(library: Library, path: str | Path) -> int:
    """Write the personal library to .json or .csv (by suffix); return how many phrases."""
    path = Path(path)
    entries = library.personal()
    if path.suffix.lower() == ".csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(CSV_FIELDS)
        for e in entries:
            writer.writerow(
                _cell(value)
                for value in [
                    e.text,
                    e.kind.label,
                    "、".join(s.label for s in e.sections),
                    ";".join(e.tags),
                    e.note,
                    "是" if e.favourite else "否",
                    e.usage,
                    e.created,
                    e.updated,
                    e.source,
                ]
            )
        _write_atomic(path, ("\ufeff" + buffer.getvalue()).encode("utf-8"))
    else:
        document = {
            "format": FORMAT,
            "version": VERSION,
            "exported": datetime.now().isoformat(timespec="seconds"),
            "phrases": [e.record() for e in entries],
        }
        _write_atomic(path, json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8"))
    return len(entries)


#: The longest phrase a library takes (a sentence pattern with its slots fits many times over).
MAX_PHRASE = 300
#: The largest file `import_library` reads.
MAX_IMPORT_BYTES = 20 * 1024 * 1024


def import_library(library: Library, path: str | Path) -> ImportReport:
    """Read .json or .csv and add every phrase in one transaction; nothing lands if any row is bad.

    A library file (.db: a copy, or one set aside as damaged) is salvaged instead: every row that still
    reads whole is added, and the report says how many could not be read.
    """
    path = Path(path)
    if path.suffix.lower() == ".db":
        entries, unreadable = salvage(path)
        report = _add(library, entries)
        report.unreadable = unreadable
        return report
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise ExchangeError(f"{path} 超过 {MAX_IMPORT_BYTES // 1024 // 1024} MB，不像短语库文件，未导入")
        data = path.read_bytes()
    except OSError as exc:
        raise ExchangeError(f"无法读取 {path}：{os_reason(exc)}") from None
    entries = _read_csv(path, data) if path.suffix.lower() == ".csv" else _read_json(path, data)
    return _add(library, entries)


def _add(library: Library, entries: list[Entry]) -> ImportReport:
    existing = {e.text for e in library.personal()}
    fresh = [e for e in entries if e.text not in existing]
    added = library.add_many(fresh)
    if added:
        try:
            library.backup("import")  # the state right after the import can be restored too
        except LibraryError as exc:  # the phrases are in (and in the journal): say so, not "failed"
            library.notice = f"已导入 {added} 条短语，但导入后的备份失败：{exc}"
    return ImportReport(added, len(entries) - added)


#: A damaged file is read row by row up to this many row ids (a library holds thousands).
SALVAGE_ROWS = 2_000_000


def salvage(path: Path) -> tuple[list[Entry], int]:
    """The phrases a library file still holds, read from a private copy row by row (a damaged page loses
    its rows only); rows that fail to read or fail their checksum are counted, not guessed."""
    folder = Path(tempfile.mkdtemp(prefix="gongwen-salvage-"))
    try:
        try:
            copy = folder / "library.db"
            shutil.copyfile(path, copy)
            for extra in ("-wal",):
                if path.with_name(path.name + extra).exists():
                    shutil.copyfile(path.with_name(path.name + extra), folder / f"library.db{extra}")
            db = sqlite3.connect(copy)
            db.text_factory = lenient_text
        except (OSError, sqlite3.Error) as exc:
            raise ExchangeError(f"无法读取短语库文件 {path}：{exc}") from None
        columns = "id, text, kind, sections, tags, note, favourite, usage, created, updated, source, pinyin, initials"
        try:
            has_checksum = "checksum" in {r[1] for r in db.execute("PRAGMA table_info(phrases)")}
            top = db.execute("SELECT max(rowid) FROM phrases").fetchone()[0] or 0
        except sqlite3.Error as exc:
            db.close()
            raise ExchangeError(f"{path} 已损坏到读不出短语表（{exc}），无法找回") from None
        query = f"SELECT {columns}, {'checksum' if has_checksum else chr(39) * 2} FROM phrases WHERE rowid = ?"
        entries, unreadable = [], 0
        for rowid in range(1, min(top, SALVAGE_ROWS) + 1):
            try:
                row = db.execute(query, (rowid,)).fetchone()
            except (sqlite3.Error, UnicodeDecodeError, ValueError):
                unreadable += 1
                continue
            if row is None:
                continue
            entry = entry_from_row(row)
            if entry is None or not row_intact(row):
                unreadable += 1
            else:
                entries.append(entry)
        db.close()
        return entries, unreadable
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _read_json(path: Path, data: bytes) -> list[Entry]:
    try:
        document = json.loads(decode(data, path)[0])
    except json.JSONDecodeError as exc:
        raise ExchangeError(f"{path} 不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）") from None
    except RecursionError:
        raise ExchangeError(f"{path} 的嵌套层次过深，不是公文写作台导出的短语库文件") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ExchangeError(f"{path} 不是公文写作台导出的短语库文件")
    if not isinstance(document.get("version"), int) or document["version"] > VERSION:
        raise ExchangeError(f"{path} 的格式版本 {document.get('version')} 不受支持，请升级软件")
    phrases = document.get("phrases")
    if not isinstance(phrases, list):
        raise ExchangeError(f"{path} 中缺少 phrases 列表")
    return _checked(path, [(n, item) for n, item in enumerate(phrases, start=1)], "第 {n} 条")


_CSV_REASONS = {
    "unexpected end of data": "这一行的引号没有闭合",
    "',' expected after '\"'": '引号内的引号要写成两个（""），或引号后缺少逗号',
}


def _read_csv(path: Path, data: bytes) -> list[Entry]:
    text = decode(data, path)[0].lstrip("\ufeff")
    reader = _Records(csv.reader(io.StringIO(text), strict=True))  # an unclosed quote is an error, not a merged row
    try:
        return _csv_rows(path, reader)
    except csv.Error as exc:
        reason = _CSV_REASONS.get(str(exc), str(exc))
        line = reader.start if str(exc) == "unexpected end of data" else reader.line_num  # where the quote opened
        raise ExchangeError(f"{path} 第 {line} 行无法读取（{reason}），未导入任何短语") from None


class _Records:
    """A csv reader that knows the line its current record started on (a quote left open runs to the end)."""

    def __init__(self, reader) -> None:
        self.reader, self.start = reader, 1

    def __iter__(self) -> _Records:
        return self

    def __next__(self) -> list[str]:
        self.start = self.reader.line_num + 1
        return next(self.reader)

    @property
    def line_num(self) -> int:
        return self.reader.line_num


def _csv_rows(path: Path, reader) -> list[Entry]:
    try:
        header = next(reader)
    except StopIteration:
        raise ExchangeError(f"{path} 是空文件") from None
    header = [h.strip() for h in header]
    if "text" not in header:
        raise ExchangeError(f"{path} 第 1 行缺少 text 列（需要的列：{', '.join(CSV_FIELDS)}）")
    rows = []
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            raise ExchangeError(f"{path} 第 {reader.line_num} 行的列数（{len(row)}）多于表头（{len(header)}）")
        rows.append((reader.line_num, dict(zip(header, (_uncell(cell) for cell in row), strict=False))))
    return _checked(path, rows, "第 {n} 行", csv_row=True)


def _checked(path: Path, rows: list[tuple[int, object]], where: str, csv_row: bool = False) -> list[Entry]:
    entries, errors = [], []
    for n, item in rows:
        try:
            entries.append(_entry(item, csv_row))
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            errors.append(f"{where.format(n=n)}：{exc}")
    if errors:
        more = f"（另有 {len(errors) - 3} 处）" if len(errors) > 3 else ""
        raise ExchangeError(f"{path} 无法导入，未导入任何短语：" + "；".join(errors[:3]) + more)
    if len({e.text for e in entries}) != len(entries):
        raise ExchangeError(f"{path} 中有重复的短语，未导入任何短语")
    return entries


def _entry(item: object, csv_row: bool) -> Entry:
    if not isinstance(item, dict):
        raise TypeError("不是一条短语记录")
    fields = {key: _optional_text(item, key, what) for key, what in _TEXT_FIELDS.items()}
    text = fields["text"].strip()
    if not text:
        raise ValueError("短语内容为空")
    if len(text) > MAX_PHRASE:
        raise ValueError(f"短语过长（{len(text)} 字，最多 {MAX_PHRASE} 字），可能是引号没有闭合")
    kind = PhraseKind.parse(fields["kind"] or "collocation")
    if csv_row:
        sections = [SectionType.parse(s) for s in _split(item.get("sections", ""), "、,，;；")]
        tags = _split(item.get("tags", ""), ";；")
    else:
        sections = [SectionType.parse(_text(s, "章节类型")) for s in _list(item.get("sections", []))]
        tags = [_text(t, "标签") for t in _list(item.get("tags", []))]
    favourite = item.get("favourite", False)
    if not isinstance(favourite, bool):
        flag = str(favourite).strip().lower()
        if flag not in _TRUE | _FALSE:
            raise ValueError(f"收藏一栏应为 是/否，而不是“{favourite}”")
        favourite = flag in _TRUE
    usage = item.get("usage") or 0
    if isinstance(usage, str):
        usage = usage.strip() or "0"
    if (isinstance(usage, float) and not usage.is_integer()) or isinstance(usage, bool):
        raise ValueError(f"使用次数应为整数，而不是“{usage}”")
    try:
        usage = int(usage)
    except OverflowError:
        raise ValueError(f"使用次数“{usage}”不是有效的数") from None
    if not 0 <= usage <= MAX_USAGE:
        raise ValueError(f"使用次数应在 0 到 {MAX_USAGE} 之间，而不是 {usage}")
    created, updated = fields["created"], fields["updated"]
    for stamp in (created, updated):
        if stamp:
            datetime.fromisoformat(stamp)
    return Entry(
        text,
        kind,
        sections,
        tags,
        fields["note"],
        favourite,
        usage,
        created,
        updated,
        fields["source"] or "导入",
    )


#: The string fields of a record and their names in a message.
_TEXT_FIELDS = {
    "text": "短语",
    "kind": "种类",
    "note": "备注",
    "created": "创建时间",
    "updated": "修改时间",
    "source": "来源",
}


def _optional_text(item: dict, key: str, what: str) -> str:
    """A string field ("" when absent or null); a number, list or object there is an error, not its repr."""
    value = item.get(key)
    return "" if value is None else _text(value, what)


#: A spreadsheet reads a cell starting with one of these as a formula; an export prefixes a quote.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    """A CSV cell that Excel and WPS show as text, never run as a formula (CSV injection)."""
    text = str(value)
    return "'" + text if text.lstrip("'").startswith(_FORMULA_START) else text  # also '=x, kept whole


def _uncell(text: str) -> str:
    """Undo `_cell` on import: our own export round-trips exactly."""
    return text[1:] if text.startswith("'") and text[1:].lstrip("'").startswith(_FORMULA_START) else text


def _text(value: object, what: str) -> str:
    """A string field of a JSON record; any other type is an error, not stored as its repr ("None")."""
    if not isinstance(value, str):
        raise TypeError(f"{what}应为文字，而不是 {json.dumps(value, ensure_ascii=False)}")
    return value


def _list(value: object) -> list:
    if not isinstance(value, list):
        raise TypeError("应为列表")
    return value


def _split(value: object, marks: str) -> list[str]:
    text = str(value or "")
    for mark in marks[1:]:
        text = text.replace(mark, marks[0])
    return [part.strip() for part in text.split(marks[0]) if part.strip()]


def _write_atomic(path: Path, data: bytes) -> None:
    try:
        write_bytes_atomic(path, data)
    except OSError as exc:
        raise ExchangeError(f"无法写入 {path}：{os_reason(exc)}") from None
