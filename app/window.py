"""The main window: editor in the middle, outline left, phrases right; files, autosave, settings."""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QPoint, QSettings, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFontDatabase
from PySide6.QtWidgets import QInputDialog, QLabel, QMainWindow, QMenu, QMessageBox

from phrasebank.atomic import FileStamp, file_stamp
from phrasebank.document.drafts import DraftStore
from phrasebank.document.layout import Layout, RunInStyle, chosen_layout
from phrasebank.document.masthead import Masthead, split_masthead
from phrasebank.document.stats import TextStats, text_stats
from phrasebank.errors import PhrasebankError, os_reason
from phrasebank.kinds import SectionType
from phrasebank.library.store import Library, LibraryError
from phrasebank.mining.corpora import Collection, detect
from phrasebank.paths import cache_dir, data_dir
from phrasebank.structure.outline import Paragraph, Structure
from phrasebank.suggest.bank import RECURRENCE_FROM, PhraseBank
from phrasebank.suggest.personal import PersonalPhrases
from phrasebank.text import segment, tables

if TYPE_CHECKING:  # (what only reading, saving and checking need is imported there: not to show a window)
    from phrasebank.check.checker import Checker
    from phrasebank.check.findings import Finding
    from phrasebank.document.emphasis import Mark
    from phrasebank.document.reader import Picture
    from phrasebank.document.report import Report
    from phrasebank.document.tables import KeptTable
    from phrasebank.structure.renewal import Renewed
    from phrasebank.text.encoding import TextFormat

from . import choosers, turns
from .checks import CheckDock
from .dialogs import FindReplaceDialog, ReviewDialog, TemplateDialog
from .editor import ReportEditor
from .files import save_report_apart
from .masthead import MastheadDialog
from .menus import AUTO, build_menus, shortcut_lines
from .mining import mine_reports
from .outline import OutlineDock
from .phrases import PhraseDock
from .prepared import Prepared, plain_lines
from .responsive import Collector, watch_input
from .review import ReviewDock
from .shelf import RECURRING_FROM, ShelfDialog, ShelfKeeper
from .workers import run_in_background

APP_TITLE = "公文写作台"
AUTOSAVE_MS = 30_000
MAX_RECENT = 8
#: From this many paragraphs on, a save runs off the GUI thread (a short report is written at once).
BACKGROUND_SAVE_FROM = 400
#: Counting a text this long (characters) takes tens of milliseconds: it is done off the GUI thread.
COUNT_APART_FROM = 300_000


def _renewed(path: Path) -> tuple[Report, Renewed]:
    from phrasebank.document.report import open_report
    from phrasebank.structure.renewal import renew

    report = open_report(path)
    return report, renew(report.paragraphs)


def renewed_masthead(masthead: Masthead, year: int | None) -> Masthead:
    """The 版头 and 版记 for the new draft: the 发文字号 and 印发日期 are this year's, to fill in."""
    if not masthead:
        return masthead
    number = re.sub(r"〔\d{4}〕\d+号", f"〔{year or 'XXXX'}〕X号", masthead.doc_number)
    return replace(masthead, doc_number=number, print_date="X年X月X日" if masthead.print_date else "")


def rescue_drafts(message: str, log: str) -> None:
    """After an error nobody caught: every window's text saved as its draft, the writer told where the log is."""
    from PySide6.QtWidgets import QApplication

    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    for window in windows:
        window.autosave()
    text = f"程序遇到一个错误：{message}\n\n文稿已存为草稿，不会丢失。详细记录在：{log}"
    shown = [w for w in windows if w.isVisible()]
    if shown:
        active = QApplication.activeWindow()
        teller = active if isinstance(active, MainWindow) and active in shown else shown[-1]
        teller.ask("公文写作台出错", text, ["确定"])
    else:
        QMessageBox.critical(None, "公文写作台出错", text)


class MainWindow(QMainWindow):
    """One report at a time; everything a writer does all day is one shortcut away."""

    bankReady = Signal()

    def __init__(self, bank: PhraseBank | None = None, library: Library | None = None, ask=None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = QSettings(str(data_dir() / "settings.ini"), QSettings.Format.IniFormat)
        self.ask = ask or self._ask  # replaced in tests: (title, text, buttons) -> chosen button
        self.path: Path | None = None
        self.unkept = ""  # what the opened DOCX holds that saving over it would lose (tables, text boxes)
        self.text_format: TextFormat | None = None
        self.masthead = Masthead()  # 版头 and 版记, edited in their dialog
        self.pictures: dict[str, list[Picture]] = {}  # pictures read with the file, written back on save
        self.tables: list[KeptTable] = []  # tables read with the file, written back as they came
        self.emphasis: list[tuple[str, tuple[Mark, ...]]] = []  # paragraphs read with their emphasis
        self._saving = 0  # saves under way off the GUI thread
        self._fonts_warned = False
        self.drafts = DraftStore()
        self._closing = False
        self._draft_writing = threading.Lock()  # a draft written apart and the draft cleared never cross
        self._drafts_cleared = 0  # drafts cleared so far: a draft taken before a clear is not written after it
        self._draft_written = -1  # the count of clears when the draft on disk was taken
        self._drafting = False  # a draft being written apart
        self._draft_lock = QLockFile(str(self.drafts.lock_path()))  # tells other windows this draft is live
        self._draft_lock.setStaleLockTime(0)
        try:
            self.drafts.folder.mkdir(parents=True, exist_ok=True)
            self._draft_lock.tryLock(0)
        except OSError:
            pass
        self.library = library or Library()
        self.editor = ReportEditor()
        self.setCentralWidget(self.editor)
        self.outline = OutlineDock(self)
        self.phrases = PhraseDock(self.library, self)
        self.checks = CheckDock(self.editor, self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.outline)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.phrases)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.checks)
        self.revisions = ReviewDock(self.editor, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.revisions)
        self.tabifyDockWidget(self.phrases, self.checks)
        self.tabifyDockWidget(self.checks, self.revisions)
        self.revisions.hide()  # shown when a file brings a reviewer's changes
        self.phrases.raise_()
        self.section_label, self.count_label = QLabel(), QLabel()
        # as wide as its longest text: a section change while typing lays nothing in the window out again
        metrics = self.section_label.fontMetrics()
        widest = max(metrics.horizontalAdvance(f"当前部分：{section.label}") for section in SectionType)
        self.section_label.setMinimumWidth(widest + 4)
        self.statusBar().addPermanentWidget(self.section_label)  # permanent: a message never hides it
        self.statusBar().addPermanentWidget(self.count_label)
        self.find_dialog = FindReplaceDialog(self.editor, self)
        self.recent_menu = QMenu("最近打开", self)  # placed in 文件 by build_menus
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._counts = QTimer(self, singleShot=True, interval=300)
        self._counts_asked = 0
        self._counts.timeout.connect(self._update_counts)
        self._connect()
        watch_input(self.editor, self.editor.viewport())  # the writer at work: collections wait
        build_menus(self)
        self._autosave = QTimer(self, interval=AUTOSAVE_MS)
        self._autosave.timeout.connect(lambda: self.autosave(wait=False))
        self._autosave.start()
        self._restore_settings()
        self._update_title()
        self._on_section(self.editor.current_section())
        self.collection: Collection | None = None
        self._banks: dict[Collection, PhraseBank] = {}
        self._loading: set[Collection] = set()
        self.own_bank: PhraseBank | None = None  # 我的报告库 as mined; the editor types with it once pooled
        self._fixed_bank = bank is not None  # a bank handed in (tests, scripts) serves every collection
        if bank is not None:
            self.set_bank(bank)
        self.shelf = ShelfKeeper(parent=self)  # 我的报告库
        self.shelf.bankReady.connect(self.set_own_bank)
        self.shelf.progress.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.shelf.failed.connect(self.show_error)
        self._shelf_dialog: ShelfDialog | None = None
        QTimer.singleShot(0, self, self.shelf.start)
        if self.library.notice:
            notice = self.library.notice
            QTimer.singleShot(0, self, lambda: self.ask("短语库", notice, ["确定"]))

    # ---- wiring ------------------------------------------------------------------------------

    def _connect(self) -> None:
        editor = self.editor
        editor.structureChanged.connect(lambda: self.outline.show_structure(editor.structure))
        editor.structureChanged.connect(self._counts.start)
        editor.sectionChanged.connect(self._on_section)
        self.outline.placed.connect(editor.on_placed)
        self.outline.typing_in = lambda: editor.typing_in
        editor.paragraphLeft.connect(self.outline.paragraph_left)
        editor.documentReplaced.connect(lambda: editor.document().modificationChanged.connect(self._update_title))
        editor.document().modificationChanged.connect(self._update_title)
        editor.phraseUsed.connect(self._record_use)
        editor.addToLibraryRequested.connect(self.add_selection)
        editor.pasteCleaned.connect(self._say_paste_cleaned)
        self.outline.jumpRequested.connect(editor.go_to_paragraph)
        self.outline.tree.moveRequested.connect(editor.move_section)
        self.outline.renumberRequested.connect(self.renumber)
        self.phrases.insertRequested.connect(self._insert_from_panel)
        self.phrases.failed.connect(self.show_error)
        self.phrases.libraryChanged.connect(self._personal_changed)
        self.phrases.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.checks.jumpRequested.connect(editor.select_range)
        self.checks.fixRequested.connect(editor.apply_fix)
        self.checks.findingsChanged.connect(self._underline)
        self.checks.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.revisions.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.revisions.formatRejected.connect(self._restyle)

    def _restyle(self, number: int, change) -> None:
        """A rejected format change: the words get back the emphasis they had, on screen and when saved."""
        from phrasebank.document.emphasis import carry, restyled
        from phrasebank.document.review import former_emphasis

        block = self.editor.document().findBlockByNumber(number)
        text = block.text()
        lead = len(text) - len(text.lstrip())
        marks = carry(self.emphasis, [text]).get(text.strip(), ())
        marks = restyled(marks, change.start - lead, change.end - lead, former_emphasis(change))
        self.emphasis.append((text.strip(), marks))
        self.editor.highlighter.emphasis[text.strip()] = marks
        self.editor.highlighter.rehighlightBlock(block)

    def set_bank(self, bank: PhraseBank) -> None:
        """A built-in bank is ready: suggestions on, its phrases in the panel beside the writer's own."""
        self.editor.bank = bank
        self.library.set_builtin(bank.phrases, bank.section_characters, bank.reports >= RECURRENCE_FROM)
        self.library_changed()
        self._type_with_own_bank()
        self.bankReady.emit()

    def set_own_bank(self, bank: PhraseBank | None) -> None:
        """我的报告库 learned: its phrases first in the dock, its completions in the popup."""
        self.own_bank = bank
        self._type_with_own_bank()
        if bank is None:
            self.library.set_own([])
        else:
            self.library.set_own(bank.phrases, bank.section_characters, bank.reports >= RECURRING_FROM)
            self.statusBar().showMessage(f"我的报告库：已从 {bank.reports} 篇报告学到 {len(bank.phrases)} 条短语", 8000)
        self.library_changed()

    def _type_with_own_bank(self) -> None:
        """The popup completes from 我的报告库 once its typing index is pooled with the built-in bank's, in the
        background (under a second): until then from the built-in bank alone, never waiting at a keystroke."""
        builtin, own = self.editor.bank, self.own_bank
        self.editor.own_bank = None
        if builtin is None or own is None:
            return

        def pooled(_index: object) -> None:
            if self.editor.bank is builtin and self.own_bank is own:  # neither changed meanwhile
                self.editor.own_bank = own

        run_in_background(lambda: builtin.pooled_with(own), pooled, self.show_error, droppable=True)

    def shelf_dialog(self) -> ShelfDialog:
        """文件 → 我的报告库…: the writer's report folders (non-modal: learning goes on in the background)."""
        if self._shelf_dialog is None:
            self._shelf_dialog = ShelfDialog(self.shelf, self)
        self._shelf_dialog.show_shelf()
        self._shelf_dialog.show()
        self._shelf_dialog.raise_()
        return self._shelf_dialog

    def library_changed(self) -> None:
        """The library changed (or a bank arrived): the panel and the editor's own-phrase source follow."""
        self.phrases.refresh()
        self._personal_changed()

    def _personal_changed(self) -> None:
        self.editor.personal = PersonalPhrases(entry.text for entry in self.library.personal())

    def wanted_collection(self) -> Collection:
        """The collection chosen in the menu, or (自动) the one the document's title points to."""
        choice = str(self.settings.value("suggest/collection", AUTO))
        try:
            return Collection.parse(choice)
        except ValueError:  # 自动: the title and the first lines decide (read from the structure: no copy)
            return detect([paragraph.text for paragraph in self.editor.structure.paragraphs[:12]])

    def load_bank_in_background(self) -> None:
        """Make the wanted collection's bank current, mining it off the GUI thread the first time."""
        if self._fixed_bank:
            return
        wanted = self.wanted_collection()
        if wanted is self.collection and self.editor.bank is not None:
            return
        if wanted in self._banks:
            self._use_bank(wanted, self._banks[wanted])
            return
        if wanted in self._loading:
            return
        from phrasebank.mining.banks import builtin_bank

        self._loading.add(wanted)
        self.statusBar().showMessage(f"正在准备内置短语库（{wanted.label}）……")
        run_in_background(
            lambda: builtin_bank(wanted), lambda bank: self._bank_loaded(wanted, bank), self.show_error, droppable=True
        )

    def _use_bank(self, collection: Collection, bank: PhraseBank) -> None:
        self.collection = collection
        self.set_bank(bank)
        self.statusBar().showMessage(f"联想与短语：{collection.label}（{len(bank.phrases)} 条短语）", 5000)

    def _warm_up(self) -> None:
        """After the window is usable: the checker (handed to the check dock as soon as it is built), then
        jieba's dictionary (for learning what the writer types) and the checker's set phrases."""

        def checker() -> Checker:
            from phrasebank.check.checker import Checker

            return Checker.default()

        def warm() -> None:
            with contextlib.suppress(PhrasebankError):  # (no cache folder: the modules are imported as usual)
                tables.preload_all(cache_dir(), turns.give_way)  # jieba's and pypinyin's large tables in pieces
            segment.warm_up(turns.give_way)
            from phrasebank.check import homophones

            homophones.prepare(turns.give_way)

        def built(made: Checker) -> None:
            self.checks.adopt_checker(made)
            run_in_background(warm, lambda _: None, self.show_error, droppable=True)

        run_in_background(checker, built, self.show_error, droppable=True)

    def _bank_loaded(self, collection: Collection, bank: PhraseBank) -> None:
        self._loading.discard(collection)
        self._banks[collection] = bank
        if collection is self.wanted_collection():
            self._use_bank(collection, bank)
        else:
            self.load_bank_in_background()  # the writer switched meanwhile
        self._warm_up()  # after: nothing in the background competes with making the bank current

    def choose_collection(self, value: str) -> None:
        self.settings.setValue("suggest/collection", value)
        self.load_bank_in_background()

    def check_now(self) -> None:
        """F7: the check dock in front (it shares its place with the phrases) and a check run now."""
        self.checks.show()
        self.checks.raise_()
        self.checks.run()

    def show_shortcuts(self) -> None:
        self.ask("快捷键", "\n".join(shortcut_lines(self)), ["确定"])

    def show_about(self) -> None:
        self.ask(
            "关于公文写作台",
            "公文写作台：写工作报告、督导情况报告的编辑器。\n大纲、按部分推荐的短语、输入联想、"
            "按 GB/T 9704-2012 排版的 DOCX、规范检查。\n许可：MIT。",
            ["确定"],
        )

    def edit_author(self) -> None:
        """The author written into saved DOCX files' properties."""
        current = str(self.settings.value("document/author", ""))
        text, ok = QInputDialog.getText(self, "文档作者", "保存的 DOCX 文件属性中的作者：", text=current)
        if ok:
            self.settings.setValue("document/author", text.strip())

    def page_layout(self) -> Layout:
        """The layout the writer chose for saved DOCX files."""
        return chosen_layout(
            str(self.settings.value("layout/preset", "national")),
            self.flag("layout/plain_fonts"),
            str(self.settings.value("layout/runin", RunInStyle.BOLD.value)),
            self.flag("layout/seal"),
            self.flag("layout/arabic_date"),
        )

    def _font_warnings(self, paragraphs: list[str], layout: Layout) -> None:
        """Before a DOCX goes out: say which standard fonts are missing here and which characters
        the GB2312 fonts lack (once per session for the fonts; every time for the characters)."""
        from phrasebank.document.fontcheck import missing_fonts_warning, rare_characters_warning

        fonts = ""
        if not self._fonts_warned:
            fonts = missing_fonts_warning(layout, set(QFontDatabase.families()))
            self._fonts_warned = True

        def say(rare: str) -> None:
            warnings = [w for w in (fonts, rare) if w]
            if warnings:
                self.statusBar().showMessage("提醒：" + "；".join(warnings), 20000)

        # The characters are looked for off the GUI thread: a long report never waits for a status message.
        found = lambda: rare_characters_warning(paragraphs, layout)  # noqa: E731
        run_in_background(found, say, lambda _error: say(""), droppable=True)

    def edit_masthead(self) -> None:
        """Fill in the 版头 and 版记 (saved with the document in DOCX and text files)."""
        dialog = MastheadDialog(self.masthead, self)
        if dialog.exec():
            masthead = dialog.masthead()
            if masthead.secrecy and masthead.secrecy != self.masthead.secrecy:
                from phrasebank.check.genre import CLASSIFIED

                self.ask("涉密公文", f"{CLASSIFIED.message}。", ["知道了"])
            if masthead != self.masthead:
                self.masthead = masthead
                self.editor.document().setModified(True)
                self.autosave()

    # ---- status ------------------------------------------------------------------------------

    def _on_section(self, section) -> None:
        self.section_label.setText(f"当前部分：{section.label}" if section else "当前部分：—")
        self.phrases.follow_section(section)

    def _update_counts(self) -> None:
        """The status bar's counts; a long report's are worked out off the GUI thread (the newest wins)."""
        self.load_bank_in_background()  # a pasted 政府工作报告 brings its own collection at once
        self.phrases.follow_genre(self.editor.genre())  # a title typed, opened or pasted names the 文种
        held = self.editor.held()
        self._counts_asked += 1
        if self.editor.document().characterCount() < COUNT_APART_FROM:
            self._show_counts((self._counts_asked, text_stats([p.text for p in held])))
            return
        asked = self._counts_asked
        texts = (p.text for p in held)
        counted = lambda: (asked, text_stats(turns.giving_way(texts)))  # noqa: E731
        run_in_background(counted, self._show_counts, self.show_error, droppable=True)

    def _show_counts(self, counted: tuple[int, TextStats]) -> None:
        asked, stats = counted
        if asked != self._counts_asked:
            return  # the text changed meanwhile: a newer count is on its way
        self.count_label.setText(
            f"字数 {stats.characters}（不含标点 {stats.without_punctuation}） "
            f"段落 {stats.paragraphs}  约 {stats.pages} 页"
        )

    def _update_title(self, *_) -> None:
        name = self.path.name if self.path else "未命名报告"
        self.setWindowTitle(f"{name}[*] — {APP_TITLE}")
        self.setWindowModified(self.editor.document().isModified())

    def toggle_suggestions(self, on: bool) -> None:
        self.editor.suggestions_enabled = on
        self.editor.popup.hide()

    def set_page_width(self, on: bool) -> None:
        """Wrap the text at the printed line's width (28 body characters) so lines read like the page."""
        self.settings.setValue("view/page_width", on)
        self.editor.set_page_width(self.page_layout().chars_per_line if on else 0)

    def zoom(self, step: int) -> None:
        current = self.editor.highlighter.base_size
        size = 16.0 if step == 0 else min(max(current + 2 * step, 8.0), 40.0)
        self.editor.highlighter.base_size = size
        font = self.editor.font()
        font.setPointSizeF(size)
        self.editor.setFont(font)
        self.editor.set_page_width(self.editor.page_width_chars)  # the column follows the type size
        self.editor.highlighter.rehighlight_lazily(self.editor.cursorForPosition(QPoint(0, 0)).blockNumber())
        self.settings.setValue("zoom", size)

    # ---- files -------------------------------------------------------------------------------

    def new_from_template(self, name: str | None = None) -> None:
        """Pick a template (the chooser, unless `name` is given), then deal with unsaved changes."""
        if name is None:
            dialog = TemplateDialog(self)
            if not dialog.exec():
                return
            name = dialog.chosen()
        if not name or not self.maybe_save():
            return
        from phrasebank.structure.templates import template_text

        masthead, lines = split_masthead(template_text(name).splitlines())  # an office's own 红头 comes along
        self._load("\n".join(lines), None, masthead)

    def new_from_earlier(self, path: Path | None = None, wait: bool = False) -> None:
        """文件 → 以旧报告新建: last year's report as this year's draft (the old file is not touched)."""
        if not self.maybe_save():
            return
        if path is None:
            from phrasebank.document.report import OPENABLE

            patterns = " ".join(f"*{suffix}" for suffix in OPENABLE)
            title, folder = "以旧报告新建：选择去年的报告", self._last_folder()
            chosen = choosers.open_file(self, title, folder, f"报告 ({patterns})")
            if not chosen:
                return
            path = Path(chosen)
        self.statusBar().showMessage(f"正在读取 {path.name}……")

        def done(result: tuple[Report, Renewed]) -> None:
            report, renewed = result
            self._load("\n".join(renewed.paragraphs), None, renewed_masthead(report.masthead, renewed.year))
            self.editor.document().setModified(True)
            year = f"{renewed.year}年" if renewed.year else "新"
            slots = f"{sum(renewed.slots)} 处数字、日期和人名待填（F4 逐个跳转）"
            self.statusBar().showMessage(f"已由 {path.name} 生成{year}的草稿：{slots}，原文件未改动", 15000)

        run_in_background(lambda: _renewed(path), done, self.show_error, wait=wait)

    def save_as_template(self, name: str | None = None) -> bool:
        """文件 → 存为模板: this document with its 版头 and 版记, found under Ctrl+N from now on."""
        if name is None:
            name, ok = QInputDialog.getText(self, "存为模板", "模板名称（以后在“从模板新建”中选用）：")
            if not ok:
                return False
        from phrasebank.structure.templates import save_template

        try:
            save_template(name, self.masthead.wrap(self.editor.paragraphs()))
        except PhrasebankError as exc:
            self.show_error(exc)
            return False
        self.statusBar().showMessage(f"已存为模板“{name.strip()}”，按 Ctrl+N 可以选用", 8000)
        return True

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        from phrasebank.document.report import OPENABLE

        patterns = " ".join(f"*{suffix}" for suffix in OPENABLE)
        path = choosers.open_file(
            self, "打开报告", self._last_folder(), f"报告 ({patterns});;Word 文档 (*.docx);;纯文本 (*.txt)"
        )
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path, wait: bool = False) -> None:
        """Read a report off the GUI thread (progress in the status bar); errors get one clear message."""
        self.statusBar().showMessage(f"正在打开 {path.name}……")
        self.setEnabled(False)

        def done(opened: tuple[Report, Prepared, Structure]) -> None:
            report, prepared, structure = opened
            self.setEnabled(True)
            converted = report.converted_from is not None
            self._load(prepared, None if converted else path, report.masthead, structure)
            self.unkept, self.text_format, self.pictures = report.unkept, report.text_format, report.pictures
            self.tables, self.emphasis = report.tables, report.emphasis  # (shown: `_read_and_place`)
            self._add_recent(path)
            self.revisions.show_changes(report.changes)
            if report.changes:
                self.revisions.show()
                self.revisions.raise_()
            if converted:
                self.statusBar().showMessage(f"已把 {path.name} 转换后打开；保存时请另存为 .docx", 10000)
            elif report.changes:
                said = f"{path.name} 含审阅人的修订和批注，已列在“审阅”栏，可逐条接受或拒绝"
                self.statusBar().showMessage(said, 10000)
            else:
                self.statusBar().showMessage(f"已打开 {path.name}", 5000)

        def failed(error: Exception) -> None:
            self.setEnabled(True)
            self.show_error(error)

        preparer = self.editor.preparer()
        run_in_background(lambda: _read_and_place(path, preparer), done, failed, wait=wait)

    def print_preview(self) -> None:
        """The pages as the saved DOCX prints them (same layout), printable from the preview."""
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        from .printing import print_report

        # The dialog keeps only a pointer to its printer: the window holds it while the dialog lives
        # (a temporary printer is freed by Python at once and Qt crashes painting into it).
        self._preview_printer = self._printer()
        dialog = QPrintPreviewDialog(self._preview_printer, self)
        dialog.setWindowTitle("打印预览")
        dialog.paintRequested.connect(
            lambda target: print_report(self.editor.paragraphs(), self.page_layout(), target, self.masthead)
        )
        dialog.resize(900, 1000)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def _printer(self):
        """A high-resolution printer set to A4 with the page laid out by `printing.paint`."""
        from PySide6.QtPrintSupport import QPrinter

        from .printing import configure

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        configure(printer, self.page_layout())
        return printer

    def print_dialog(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog

        from .printing import print_report

        printer = self._printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("打印")
        if dialog.exec():
            pages = print_report(self.editor.paragraphs(), self.page_layout(), printer, self.masthead)
            self.statusBar().showMessage(f"已送往打印机：{pages} 页", 5000)

    def _say_paste_cleaned(self, dropped: list[str]) -> None:
        """Name what a paste lost, so the writer can judge it (Ctrl+Z restores the passage as pasted)."""
        shown = "、".join(f"“{text[:12]}”" for text in dropped[:4]) + ("等" if len(dropped) > 4 else "")
        self.statusBar().showMessage(
            f"粘贴时去掉了 {len(dropped)} 行网页杂项或广告：{shown}。按 Ctrl+Z 恢复粘贴的原文。", 15000
        )

    def _load(
        self,
        text: str | Prepared,
        path: Path | None,
        masthead: Masthead | None = None,
        structure: Structure | None = None,
    ) -> None:
        """Show a text (or a document prepared off the GUI thread, with its structure) as the report."""
        self.path = path
        self.text_format = None  # a text file opened keeps its encoding and line breaks when saved
        self.masthead, self.pictures, self.unkept = masthead or Masthead(), {}, ""
        self.tables, self.emphasis = [], []
        self.revisions.show_changes({})
        self.revisions.hide()  # a document without a reviewer's changes has no 审阅 tab
        if isinstance(text, str):
            self.editor.set_text(text)
        else:
            self.editor.show_prepared(text, structure)
        Collector.document_replaced()
        self.outline.show_structure(self.editor.structure, at_once=True)
        self._update_title()
        self._counts.stop()  # counted here, not again when the timer the new text started runs out
        self._update_counts()
        self.editor.setFocus()
        self.load_bank_in_background()  # (自动) a government report brings its own collection

    def _underline(self, findings) -> None:
        marks: dict[int, list[tuple[int, int]]] = {}
        for f in findings:
            marks.setdefault(f.paragraph, []).append((f.column, max(f.length, 1)))
        self.editor.overlays.underline(marks)

    def _placeholders_ok(self, found: list[Finding]) -> bool:
        """Before saving: warn, with the list, when placeholders are still unfilled (and not ignored)."""
        from phrasebank.check.placeholders import placeholders_warning

        left = placeholders_warning(self.checks.not_ignored(found))
        if not left:
            return True
        choice = self.ask("未填写的占位符", f"{left}。仍要保存吗？", ["仍然保存", "取消"])
        return choice == "仍然保存"

    def save(self, wait: bool = False) -> bool:
        if self.path is None:
            return self.save_as(wait)
        if self.unkept and self.path.suffix.lower() == ".docx":
            choice = self.ask(
                "保存",
                f"{self.path.name} 含有{self.unkept}。覆盖保存后，这些内容会变成普通段落或丢失。建议另存为新文件。",
                ["另存为", "仍然覆盖", "取消"],
            )
            if choice == "另存为":
                return self.save_as(wait)
            if choice != "仍然覆盖":
                return False
        return self._write(self.path, wait)

    def save_as(self, wait: bool = False) -> bool:
        suggested = str(self.path.with_suffix(".docx")) if self.path else str(Path(self._last_folder()) / "报告.docx")
        path = choosers.save_file(self, "另存为", suggested, "Word 文档 (*.docx);;纯文本 (*.txt)")
        if not path:
            return False
        target = Path(path)
        if target.suffix.lower() not in (".docx", ".txt"):
            target = target.with_suffix(".docx")
        return self._write(target, wait)

    def _write(self, path: Path, wait: bool = False) -> bool:
        """Save to `path`. A long report is written off the GUI thread (the window never freezes) and
        counts as saved only once the file is really written and nothing was typed meanwhile; its
        placeholders are looked for off the GUI thread too, before the writer is asked about them."""
        from phrasebank.check.placeholders import unfilled_placeholders

        held = self.editor.held()
        if wait or len(held) < BACKGROUND_SAVE_FROM:
            paragraphs = plain_lines(p.text for p in held)
            return self._write_checked(path, paragraphs, unfilled_placeholders(paragraphs), held, wait=True)
        self.statusBar().showMessage(f"正在保存 {path.name}……")
        self._saving += 1

        def checked(found: tuple[list[str], list[Finding]]) -> None:
            self._saving -= 1
            self._write_checked(path, *found, held=held, wait=False)

        def failed(exc: Exception) -> None:
            self._saving -= 1
            self.show_error(exc)

        def lines_and_placeholders() -> tuple[list[str], list[Finding]]:
            paragraphs = plain_lines(p.text for p in turns.giving_way(held))
            return paragraphs, unfilled_placeholders(paragraphs)

        run_in_background(lines_and_placeholders, checked, failed)
        return True

    def _write_checked(
        self, path: Path, paragraphs: list[str], placeholders: list[Finding], held: list[Paragraph], wait: bool
    ) -> bool:
        """Save `paragraphs` once the placeholders still in them are known (the writer may stop it there);
        `held` is the editor's paragraphs then, to tell whether anything was typed while it was written."""
        if not self._placeholders_ok(placeholders):
            self.statusBar().clearMessage()
            return False
        layout = self.page_layout()
        if path.suffix.lower() != ".docx" and self.revisions.open:
            said = (
                f"纯文本文件不能保存修订和批注：{path.name} 将按编辑器中显示的文字保存，"
                f"{len(self.revisions.open)} 处修订和批注不写入。"
            )
            if self.ask("修订和批注", said, ["仍然保存", "取消"]) != "仍然保存":
                self.statusBar().clearMessage()
                return False
        from phrasebank.document.report import Report, save_report

        report = Report(
            paragraphs,
            self.masthead,
            self.pictures,
            self.tables,
            self.emphasis,
            self.revisions.changes(),
            text_format=self.text_format,
        )
        job = (report, path, layout, str(self.settings.value("document/author", "")))
        if path.suffix.lower() == ".docx":
            self._font_warnings(paragraphs, layout)
        if wait:
            try:
                save_report(*job)
            except (PhrasebankError, OSError) as exc:
                self.show_error(exc)
                return False
            self._saved(path, held, file_stamp(path))
            return True
        self.statusBar().showMessage(f"正在保存 {path.name}……")
        self._saving += 1

        def done(written: FileStamp | None) -> None:
            self._saving -= 1
            self._saved(path, held, written)

        def failed(exc: Exception) -> None:
            self._saving -= 1
            self.show_error(exc)
            self.statusBar().showMessage(f"未能保存 {path.name}，修改仍未保存", 15000)

        run_in_background(lambda: save_report_apart(*job), done, failed)
        return True

    def _saved(self, path: Path, held: list[Paragraph], stamp: FileStamp | None) -> None:
        if path != self.path:
            self.unkept = ""
        self.path = path
        # Nothing typed while it was written? The editor's paragraphs are compared as objects: no text of a
        # long document is copied or compared on the GUI thread.
        # The draft goes only once the file on disk is the one just written (not replaced since).
        if self.editor.unchanged_since(held):
            self.editor.document().setModified(False)
            if stamp is not None and file_stamp(path) == stamp:
                self._clear_draft()
        self._add_recent(path)
        self._update_title()
        self.statusBar().showMessage(f"已保存 {path}", 5000)

    def maybe_save(self) -> bool:
        """Ask before unsaved changes are lost; False when the writer cancels."""
        if not self.editor.document().isModified():
            return True
        name = self.path.name if self.path else "未命名报告"
        choice = self.ask("保存修改", f"“{name}”有未保存的修改，是否保存？", ["保存", "不保存", "取消"])
        if choice == "保存":
            return self.save(wait=True)  # what follows (closing, another file) needs it written
        return choice == "不保存"

    def _add_recent(self, path: Path) -> None:
        recent = [p for p in self._recent() if p != str(path)]
        recent.insert(0, str(path))
        self.settings.setValue("recent", recent[:MAX_RECENT])
        self._fill_recent()

    def _fill_recent(self) -> None:
        """The recent files, checked each time the menu opens: one that is gone is shown as gone."""
        self.recent_menu.clear()
        recent = self._recent()
        gone = [entry for entry in recent if not Path(entry).is_file()]
        for entry in recent:
            if entry in gone:
                action = self.recent_menu.addAction(f"{entry}（文件已不存在）")
                action.setEnabled(False)
                continue
            action = self.recent_menu.addAction(entry)
            action.triggered.connect(lambda _=False, p=entry: self.maybe_save() and self.open_path(Path(p)))
        if gone:
            self.recent_menu.addSeparator()
            tidy = self.recent_menu.addAction("清除已不存在的文件")
            tidy.triggered.connect(lambda: self._forget_recent(gone))
        self.recent_menu.setEnabled(bool(recent))

    def _forget_recent(self, entries: list[str]) -> None:
        self.settings.setValue("recent", [p for p in self._recent() if p not in entries])
        self._fill_recent()

    def _last_folder(self) -> str:
        recent = self._recent()
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    # ---- autosave and drafts -----------------------------------------------------------------

    def autosave(self, wait: bool = True) -> None:
        """Write this window's draft (not once the writer has closed it: a discarded text stays discarded).
        Without `wait` (the timer, focus leaving) a long report's draft is written off the GUI thread."""
        if not self.editor.document().isModified() or self._closing:
            return
        held = self.editor.held()
        record = (str(self.path or ""), self.masthead.to_dict(), self._carried_record())
        if wait or len(held) < BACKGROUND_SAVE_FROM:
            self._write_draft(self._drafts_cleared, [p.text for p in held], *record)
            return
        if self._drafting:
            return  # one at a time: the next one writes the newest text
        self._drafting, cleared = True, self._drafts_cleared

        def done(_result: None) -> None:
            self._drafting = False

        def failed(exc: Exception) -> None:
            self._drafting = False
            self.statusBar().showMessage(f"自动保存失败：{os_reason(exc) if isinstance(exc, OSError) else exc}", 8000)

        def write() -> None:
            self._write_draft(cleared, [p.text for p in turns.giving_way(held)], *record, apart=True)

        run_in_background(write, done, failed)

    def _write_draft(
        self, cleared: int, lines: list[str], path: str, masthead: dict, carried: dict, apart: bool = False
    ) -> None:
        """Write the draft unless it was cleared since it was taken (saved, closed); errors are said, or
        raised to the caller when written apart."""
        with self._draft_writing:
            if cleared != self._drafts_cleared or self._closing:
                return
            try:
                self.drafts.save(lines, path, masthead, carried)
            except OSError as exc:
                if apart:
                    raise
                self.statusBar().showMessage(f"自动保存失败：{os_reason(exc)}", 8000)
                return
            self._draft_written = cleared

    def _clear_draft(self, wait: bool = False) -> None:
        """The draft is gone (the text is saved or discarded): no draft taken before is written after this,
        and one being written apart is not left behind. The file goes off the GUI thread unless `wait` (the
        window closes): a long report's draft being written holds the lock through its fsync (40 ms for
        24 MB on an idle disk, longer while a save writes beside it), and deleting it took 16 ms more."""
        self._drafts_cleared += 1
        cleared = self._drafts_cleared

        def delete() -> None:
            with self._draft_writing:
                if self._draft_written < cleared:  # the draft on disk was taken before this clear
                    self.drafts.clear()

        if wait:
            delete()
            return
        run_in_background(
            delete,
            lambda _none: None,
            lambda exc: self.statusBar().showMessage(f"未能删除草稿：{os_reason(exc)}", 8000),
        )

    def _carried_record(self) -> dict:
        """What the opened Word file brought besides text, for the draft (document.carried)."""
        changes = self.revisions.changes()
        if not (self.tables or self.emphasis or changes):
            return {}
        from phrasebank.document.carried import Carried, to_json

        return to_json(Carried(self.tables, self.emphasis, changes))

    def offer_draft(self) -> bool:
        """After a crash: offer the newest draft a closed window left, saying when it was saved.

        Drafts of windows still open elsewhere are not touched; further left-behind drafts are kept
        and offered at the next start.
        """
        drafts = self.drafts.left_behind(self._draft_is_live)
        self._sweep_stale_locks()
        if self.drafts.set_aside:
            names = "、".join(path.name for path in self.drafts.set_aside[:3])
            self.ask(
                "草稿已损坏",
                f"有 {len(self.drafts.set_aside)} 份自动保存的草稿已损坏，无法恢复（{names}），已改名保留在 "
                f"{self.drafts.folder}，未删除。",
                ["知道了"],
            )
            self.drafts.set_aside.clear()
        if not drafts:
            return False
        draft = drafts[0]
        when = draft.saved_at.replace("T", " ")
        where = f"（{Path(draft.path).name}）" if draft.path else ""
        more = f"另有 {len(drafts) - 1} 份草稿，下次启动时再提示。" if len(drafts) > 1 else ""
        choice = self.ask(
            "恢复草稿",
            f"发现 {when} 自动保存的草稿{where}，上次可能没有正常退出。是否恢复？{more}",
            ["恢复", "丢弃"],
        )
        if choice != "恢复":
            self.drafts.discard(draft)
            return False
        self._load(draft.text, Path(draft.path) if draft.path else None, Masthead.from_dict(draft.masthead))
        if draft.carried:  # the Word file's tables, emphasis and open 修订 come back with the text
            from phrasebank.document.carried import from_json

            carried = from_json(draft.carried)
            self.tables, self.emphasis = carried.tables, carried.emphasis
            self.editor.highlighter.emphasis = {text.strip(): marks for text, marks in carried.emphasis if marks}
            self.editor.highlighter.rehighlight_lazily()
            self.revisions.show_changes(carried.changes)
            if carried.changes:
                self.revisions.show()
        self.editor.document().setModified(True)
        self.autosave()  # the text is this window's draft now, before the old file goes
        self.drafts.discard(draft)
        return True

    def _sweep_stale_locks(self) -> None:
        """Lock files a crashed window left beside no draft: taking and releasing a stale lock removes it."""
        try:
            locks = list(self.drafts.folder.glob("*.lock"))
        except OSError:
            return
        for path in locks:
            if path.stem != self.drafts.id and not path.with_suffix(".json").exists():
                self._draft_is_live(path.stem)

    def _draft_is_live(self, draft_id: str) -> bool:
        """True when another open window holds that draft's lock."""
        lock = QLockFile(str(self.drafts.lock_path(draft_id)))
        lock.setStaleLockTime(0)  # stale only when its process is gone, however old
        if lock.tryLock(0):
            lock.unlock()
            return False
        return True

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.ActivationChange and not self.isActiveWindow():
            self.autosave(wait=False)  # focus left the window
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closing = True  # the question below deactivates the window: no autosave of a text being closed
        if not self.maybe_save():
            self._closing = False
            event.ignore()
            return
        self._clear_draft(wait=True)
        self._draft_lock.unlock()
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("state", self.saveState())
        self.settings.sync()
        self.hide()  # gone at once for the writer
        with turns.dropping():  # loads and passes only the window wanted stop at once; a save finishes
            QThreadPool.globalInstance().waitForDone(-1 if self._saving else 2000)
        event.accept()

    def _restore_settings(self) -> None:
        geometry, state = self.settings.value("geometry"), self.settings.value("state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 820)
        if state is not None:
            self.restoreState(state)
        zoom = float(str(self.settings.value("zoom", 16.0)))
        if zoom != 16.0:
            self.editor.highlighter.base_size = zoom - 2
            self.zoom(1)
        self._fill_recent()

    # ---- mining the writer's own reports -----------------------------------------------------

    def mine_dialog(self) -> None:
        folder = choosers.folder(self, "选择存放旧报告的文件夹", self._last_folder())
        if folder:
            self.mine_reports(Path(folder))

    def mine_reports(self, folder: Path, wait: bool = False) -> None:
        """Mine a folder of the writer's old reports, then offer the results for review (app/mining.py)."""
        mine_reports(self, folder, wait)

    def insert_table(self, rows: int | None = None, columns: int | None = None) -> None:
        """结构 → 插入表格…: how many rows and columns, then an empty table at the cursor."""
        if rows is None or columns is None:
            rows, ok = QInputDialog.getInt(self, "插入表格", "行数（含表头行）：", 3, 1, 200)
            if not ok:
                return
            columns, ok = QInputDialog.getInt(self, "插入表格", "列数：", 3, 1, 20)
            if not ok:
                return
        self.editor.insert_table(rows, columns)
        self.statusBar().showMessage("表格每行一段，单元格之间是“│”；保存为 DOCX 时成为表格", 8000)

    def insert_row_below(self) -> None:
        if not self.editor.insert_row_below():
            self.statusBar().showMessage("光标不在表格行上（表格行以“│”开头和结尾）", 5000)

    def import_phrases(self, path: Path | None = None) -> None:
        """文件 → 导入短语…: a .json/.csv export (all or nothing) or a library file (.db, even one set aside
        as damaged: every phrase it still holds comes back)."""
        from phrasebank.library.exchange import import_library

        kinds = "短语库 (*.json *.csv *.db);;JSON (*.json);;CSV (*.csv)"
        path = path or self._chosen(choosers.open_file(self, "导入短语", self._last_folder(), kinds))
        report = self._guarded(lambda: import_library(self.library, path)) if path else None
        if path and report:
            lost = f"；{report.unreadable} 条已损坏、读不出来" if report.unreadable else ""
            said = f"已从 {path.name} 导入 {report.added} 条短语；{report.duplicates} 条已有，未重复导入{lost}。"
            self.library_changed()
            self.ask("导入短语", self.library.notice or said, ["确定"])

    def export_phrases(self, path: Path | None = None) -> None:
        """文件 → 导出短语…: the writer's own phrases as .json (complete) or .csv (for Excel/WPS)."""
        from phrasebank.library.exchange import export_library

        suggested, kinds = str(Path(self._last_folder()) / "我的短语.json"), "JSON (*.json);;CSV（Excel/WPS）(*.csv)"
        path = path or self._chosen(choosers.save_file(self, "导出短语", suggested, kinds))
        count = self._guarded(lambda: export_library(self.library, path)) if path else None
        if path and count is not None:
            self.statusBar().showMessage(f"已导出 {count} 条短语到 {path}", 8000)

    @staticmethod
    def _chosen(answer: str) -> Path | None:
        """The path a file dialog returned, None when the writer cancelled."""
        return Path(answer) if answer else None

    def _guarded(self, work):
        """Run `work`; a failure is shown in one clear message and gives None."""
        try:
            return work()
        except PhrasebankError as exc:
            self.show_error(exc)
            return None

    def review(self, candidates) -> list:
        """Let the writer accept, reject or edit each mined phrase; nothing lands unreviewed."""
        dialog = ReviewDialog(candidates, self)
        return dialog.accepted_items() if dialog.exec() else []

    # ---- phrases and structure ---------------------------------------------------------------

    def _insert_from_panel(self, text: str) -> None:
        """Insert a panel phrase and hand the keyboard back to the text, its first slot selected."""
        self.editor.insert_phrase(text)
        self.activateWindow()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _record_use(self, text: str) -> None:
        try:
            self.library.record_use(text)
        except LibraryError as exc:
            self.statusBar().showMessage(str(exc), 8000)

    def add_selection(self) -> None:
        """Offer the selected text for the personal library, under the section at the cursor."""
        text = self.editor.textCursor().selectedText().replace("\u2029", "").strip()
        self.phrases.new_phrase(text, self.editor.current_section())

    def renumber(self) -> None:
        changed = self.editor.renumber()
        self.statusBar().showMessage(f"已重新编号 {changed} 处" if changed else "序号已经连续，无需重新编号", 5000)

    def show_find(self) -> None:
        selected = self.editor.textCursor().selectedText()
        if selected:
            self.find_dialog.find_text.setText(selected)
        self.find_dialog.show()
        self.find_dialog.raise_()
        self.find_dialog.find_text.setFocus()

    # ---- settings ----------------------------------------------------------------------------

    def flag(self, key: str) -> bool:
        return bool(self.settings.value(key, False, bool))

    def _recent(self) -> list[str]:
        value = self.settings.value("recent", [], list)
        return [str(p) for p in value] if isinstance(value, list) else []

    # ---- messages ----------------------------------------------------------------------------

    def _ask(self, title: str, text: str, buttons: list[str]) -> str:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        made = [box.addButton(label, QMessageBox.ButtonRole.ActionRole) for label in buttons]
        box.exec()
        clicked = box.clickedButton()
        return next((label for label, button in zip(buttons, made, strict=True) if button is clicked), buttons[-1])

    def show_error(self, error: Exception) -> None:
        self.statusBar().clearMessage()
        self.ask("出错了", str(error), ["确定"])


def _read_and_place(
    path: Path, preparer: Callable[[str | Sequence[str]], Prepared]
) -> tuple[Report, Prepared, Structure]:
    """A report read, made into the editor's document and its structure placed (roles, sections,
    outline): the work of opening a long report done off the GUI thread, which then only shows it."""
    from phrasebank.document.report import open_report

    report = open_report(path)
    prepared = preparer(report.paragraphs)
    structure = Structure.from_texts(prepared.texts)
    structure.outline()
    if sum(map(len, prepared.texts)) + len(prepared.texts) < COUNT_APART_FROM:
        text_stats(prepared.texts)  # the window counts this report itself: it finds each paragraph counted
    # a Word file's bold, colour … shown while a paragraph is as it was read
    prepared.highlighter.emphasis = {text.strip(): marks for text, marks in report.emphasis if marks}
    title = structure.title_lines()[:1]
    prepared.highlighter.format_ahead(prepared.texts, lambda number: title == (number,))
    return report, prepared, structure
