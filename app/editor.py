"""The report editor: plain text with the report's structure kept current paragraph by paragraph.

Suggestions follow document *content* changes, not key presses, because an input method commits
whole strings; they are shown on the next event-loop turn and never during a composition. An
accepted suggestion or an inserted phrase is one undoable edit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QTextEdit, QWidget

from phrasebank.kinds import SectionType
from phrasebank.phrase import Suggestion
from phrasebank.structure.cleaning import clean_text
from phrasebank.structure.numbering import move_section, renumber
from phrasebank.structure.outline import Paragraph, Structure
from phrasebank.structure.tables import empty_rows, is_row, row_cells
from phrasebank.suggest import frames
from phrasebank.suggest.bank import PhraseBank
from phrasebank.suggest.memory import DocumentMemory
from phrasebank.suggest.personal import PersonalPhrases
from phrasebank.text.chars import PLACEHOLDER_RE

from . import fonts, turns
from .highlighter import SCREEN_AT_ONCE_UP_TO, ReportHighlighter
from .layout_pace import LayoutPacer, laid_out
from .outline import OUTLINE_APART_FROM
from .overlays import Overlays
from .popup import SuggestionPopup
from .prepared import Prepared, prepare
from .workers import run_in_background

_CLAUSE_MARKS = "。！？；，、："
#: How many clauses learned as typed are watched for being undone or deleted.
RECENT_CLAUSES = 30
#: An opened document teaches the memory at most this much text (a report is far shorter).
MAX_LEARNED_CHARACTERS = 200_000
_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)


def _typed_in_one_go(inserted: str) -> bool:
    """Text a writer types or pastes as one piece: no line break, at most one sentence end, at its end."""
    if not inserted or "\n" in inserted or "\u2029" in inserted:
        return False
    return not any(mark in inserted[:-1] for mark in "。！？；")


def _viewport() -> QWidget:
    """A viewport set up as QTextEdit sets up its own. Made here, PySide knows it: the first `viewport()` of
    Qt's own made PySide set up every class a QWidget might be, to name it (20-30 ms of the start)."""
    viewport = QWidget()
    viewport.setObjectName("qt_scrollarea_viewport")
    viewport.setBackgroundRole(QPalette.ColorRole.Base)
    viewport.setAutoFillBackground(True)
    viewport.setCursor(Qt.CursorShape.IBeamCursor)
    viewport.setMouseTracking(True)
    viewport.setAcceptDrops(True)
    viewport.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
    return viewport


class ReportEditor(QTextEdit):
    """Plain-text report editor with live structure, inline suggestions and slot navigation."""

    structureChanged = Signal()
    documentReplaced = Signal()  # a new QTextDocument holds the text: connect to its signals again
    addToLibraryRequested = Signal()
    pasteCleaned = Signal(list)  # the lines of page chrome a paste lost (Ctrl+Z brings them back)
    sectionChanged = Signal(object)  # SectionType | None
    paragraphLeft = Signal(int)  # the cursor moved out of this paragraph
    phraseUsed = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setViewport(_viewport())
        self.setAcceptRichText(False)
        self.setTabChangesFocus(False)
        self.structure = Structure()
        self.bank: PhraseBank | None = None
        self.memory = DocumentMemory()
        self.personal = PersonalPhrases(())  # the writer's own library phrases, set by the window
        self.own_bank: PhraseBank | None = None  # 我的报告库, set by the window when it is mined
        self.suggestions_enabled = True
        self.page_width_chars = 0  # 0: lines wrap at the window's edge
        self._composing = False
        self._generation = 0  # counts documents loaded, so late background results find their own
        self._typing = False  # inside a key press, an input-method commit or a paste: edits may open the popup
        self._typed: str | None = None  # what the writer typed there ("" for a deletion), until handled
        self.typing_in: int | None = None  # the paragraph the writer is typing in (until the cursor leaves it)
        self._block_count = 1
        self._title_block: tuple[int, ...] = ()  # the title and the lines under it, centred as in the DOCX
        self._section: SectionType | None = None
        # the writer's typing run: its paragraph, where it starts there (or the last clause learned ends)
        # and where it has got to; only what the writer typed is learned, never the text around it
        self._run = (-1, 0, 0)
        # learned as typed, newest last, each with a cursor where it was typed: forgotten when taken back
        self._recent_clauses: list[tuple[str, QTextCursor]] = []
        self._slot_span: QTextCursor | None = None  # a slot phrase being filled in: Tab moves between its slots
        self.popup = SuggestionPopup(self.viewport())
        self.popup.accepted.connect(self.accept_suggestion)
        # After a commit the popup is asked for once Qt has drawn the typed text: a timer, not a posted call,
        # so the event loop turns between (drawing and asking took one block of up to 21 ms in a long report)
        self._popup_timer = QTimer(self)
        self._popup_timer.setSingleShot(True)
        self._popup_timer.setInterval(0)
        self._popup_timer.timeout.connect(self.refresh_popup)
        self._cursor_block = 0
        self._pacer: LayoutPacer | None = None  # the document's layout in slices (set with each document)
        self._shown: QTextDocument | None = None  # the document `show_prepared` put in place (this editor's own)
        self.highlighter = ReportHighlighter(self.document(), self._is_title, self._is_editing)
        self.setFont(fonts.font(fonts.BODY, self.highlighter.base_size))
        self.overlays = Overlays(self)  # the checker's underlines and a reviewer's changes, drawn over the text
        self.cursorPositionChanged.connect(self._on_cursor_moved)
        self.set_text("")  # the editor's own document: with the margin and the font of a report

    # ---- document and structure --------------------------------------------------------------

    def set_text(self, text: str) -> None:
        """Replace the whole document (new, from a template, a draft); clears undo history. Up to
        SCREEN_AT_ONCE_UP_TO paragraphs, each gets its formats before Qt lays it out (a few milliseconds per
        thousand): highlighted later, each one made Qt lay out again every paragraph below it while the writer
        typed. A longer text is highlighted lazily, never holding the window."""
        prepared = self.preparer()(text)
        structure = Structure.from_texts(prepared.texts)
        if len(prepared.texts) <= SCREEN_AT_ONCE_UP_TO:
            title = structure.title_lines()[:1]
            prepared.highlighter.format_ahead(prepared.texts, lambda number: title == (number,))
        self.show_prepared(prepared, structure)

    def preparer(self) -> Callable[[str | Sequence[str]], Prepared]:
        """What makes this editor's document for a text, on any thread (a long report being opened)."""
        font, size = QFont(self.font()), self.highlighter.base_size
        return lambda text: prepare(text, font, size, self._is_title, self._is_editing)

    def show_prepared(self, prepared: Prepared, structure: Structure | None = None) -> None:
        """Put a document made by `preparer()` in place of the whole text; clears undo history. `structure`
        is that of `prepared.texts` when it was worked out off the GUI thread (a long report being opened)."""
        document, old = prepared.document, self.document()
        # (Qt deletes the document it made itself. Not `old.parent()`: to name the type of Qt's private parent,
        # PySide sets up some 80 classes it might be, at 30 ms)
        ours = old is self._shown
        self.structure = structure or Structure.from_texts(prepared.texts)
        self._block_count = document.blockCount()
        self._title_block, self._slot_span, self._cursor_block, self.typing_in = (), None, 0, None
        document.setParent(self)
        document.blockSignals(True)  # Qt says the whole text changed when it lays it out: nothing did
        self.setDocument(document)
        self._shown = document
        document.blockSignals(False)
        self._pacer = LayoutPacer(document)  # a long text is laid out in short steps
        self.highlighter = prepared.highlighter
        document.contentsChange.connect(self._on_contents_change)
        if ours:
            old.deleteLater()  # with its highlighter
        self.memory, self._recent_clauses = DocumentMemory(), []
        self.overlays.forget()
        self._generation += 1
        generation = self._generation  # learned once the document is shown: nothing competes with that
        QTimer.singleShot(0, self, lambda: self._learn_document(prepared.texts, generation))
        self._after_structure_change(undoable=False)
        document.setModified(False)
        self.documentReplaced.emit()
        self.highlighter.rehighlight_lazily(self.cursorForPosition(QPoint(0, 0)).blockNumber())

    def set_page_width(self, characters: int) -> None:
        """Wrap lines after `characters` body-size characters (0: wrap at the window's edge); in a window
        too narrow for that column, at its edge — a line is never cut off at the right."""
        self.page_width_chars = characters
        self._apply_wrap()

    def _apply_wrap(self) -> None:
        if not self.page_width_chars:
            self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
            return
        advance = QFontMetricsF(self.font()).horizontalAdvance("国")
        width = round(advance * self.page_width_chars + 2 * self.document().documentMargin()) + 1
        if width > self.viewport().width():
            self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
            return
        self.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)
        self.setLineWrapColumnOrWidth(width)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.page_width_chars:
            self._apply_wrap()

    def paragraphs(self) -> list[str]:
        return self.toPlainText().split("\n")

    def held(self) -> list[Paragraph]:
        """The paragraphs as they stand, parsed (each `.text` its block's): a copy taken at once with no text
        copied, for work off the GUI thread and to tell later whether anything changed (`unchanged_since`)."""
        return list(self.structure.paragraphs)

    def unchanged_since(self, held: list[Paragraph]) -> bool:
        return self.structure.paragraphs == held  # the same objects where nothing was edited: no text compared

    def block_texts(self) -> list[str]:
        """Every paragraph's text as the document holds it, from the structure (kept equal to the document
        edit by edit): no copy of a long document is made on the GUI thread."""
        return [paragraph.text for paragraph in self.structure.paragraphs]

    def _on_contents_change(self, position: int, removed: int, added: int) -> None:
        document = self.document()
        first = document.findBlock(position).blockNumber()
        last = document.findBlock(position + added).blockNumber()
        if last < 0:
            last = document.blockCount() - 1
        old_count, self._block_count = self._block_count, document.blockCount()
        replaced = (last - first + 1) + (old_count - self._block_count)
        texts = [document.findBlockByNumber(n).text() for n in range(first, last + 1)]
        # In a very long report the sections are placed again off the GUI thread (the outline's pass)
        provisional = len(self.structure.paragraphs) >= OUTLINE_APART_FROM
        self.structure.replace(first, max(replaced, 0), texts, provisional)
        self._after_structure_change(undoable=True)
        if removed:
            self._forget_removed()
        typed, self._typed = self._typed, None  # handled once, though Qt may report one edit in parts
        self.typing_in = first if typed is not None and first == last else None
        if not self._typing:
            self.popup.hide()  # an edit the writer did not type: fix, replace, renumber, undo, dock insertion
        elif typed and not self._composing and self.suggestions_enabled:
            if _typed_in_one_go(typed):
                QTimer.singleShot(0, self, lambda: self._after_insert(typed))
            else:
                self.popup.hide()  # a pasted passage: nothing to complete
        elif typed == "" and removed:
            self._follow_deletion(position)
            if self.popup.isVisible():
                QTimer.singleShot(0, self, lambda: self.refresh_popup(open_new=False))

    def _after_structure_change(self, undoable: bool) -> None:
        title = self.structure.title_lines()
        if title != self._title_block:
            self._align_title(self._title_block, title, undoable)
            self._title_block = title
        self.structureChanged.emit()
        self._on_cursor_moved()

    def _align_title(self, old: tuple[int, ...], new: tuple[int, ...], undoable: bool) -> None:
        """Centre the title block (merged into the edit that made it the title, so undo reverts both)."""
        cursor = QTextCursor(self.document())
        if undoable:
            cursor.joinPreviousEditBlock()
        else:
            cursor.beginEditBlock()
        changes = [(n, Qt.AlignmentFlag.AlignLeft) for n in old if n not in new]
        changes += [(n, Qt.AlignmentFlag.AlignHCenter) for n in new]
        for block_number, alignment in changes:
            block = self.document().findBlockByNumber(block_number)
            if block_number >= 0 and block.isValid():
                fmt = QTextBlockFormat(block.blockFormat())
                fmt.setAlignment(alignment)
                cursor.setPosition(block.position())
                cursor.setBlockFormat(fmt)
        cursor.endEditBlock()

    def _is_editing(self, block_number: int) -> bool:
        return block_number == self.textCursor().blockNumber()

    def _is_title(self, block_number: int) -> bool:
        return self.structure.title_lines()[:1] == (block_number,)

    def on_placed(self) -> None:
        """The sections were placed again off the GUI thread (a very long report): follow them."""
        self._on_cursor_moved()

    def current_section(self) -> SectionType | None:
        block = self.textCursor().blockNumber()
        if block == self.typing_in:
            return self.structure.section_while_typing(block)
        return self.structure.section_at(block)

    def _on_cursor_moved(self) -> None:
        cursor = self.textCursor()
        block = cursor.blockNumber()
        # A jump below what is laid out yet: laid out now, and shown. (A paragraph being edited has no lines
        # either until Qt lays it out again: scrolling to it then scrolled away and back at every keystroke,
        # and each scroll redrew the whole editor.)
        if self._pacer is not None and not laid_out(cursor.block()) and self._pacer.reach(cursor.position()):
            self.ensureCursorVisible()
        if block != self._cursor_block:  # the paragraph left is drawn as what it is now (a heading, say)
            left = self.document().findBlockByNumber(self._cursor_block)
            self._cursor_block, self.typing_in = block, None
            if left.isValid():
                self.highlighter.rehighlightBlock(left)
                self.paragraphLeft.emit(left.blockNumber())
        section = self.current_section()
        if section != self._section:
            self._section = section
            self.sectionChanged.emit(section)

    # ---- memory of the document --------------------------------------------------------------

    def _learn_document(self, paragraphs: list[str], generation: int) -> None:
        """Learn a loaded document off the GUI thread; what is typed meanwhile is learned as typed."""

        def adopt(memory: DocumentMemory) -> None:
            if generation == self._generation:  # not a document replaced since
                memory.absorb(self.memory)  # the little typed meanwhile joins the large learned part
                self.memory = memory

        def learn() -> DocumentMemory:
            memory, budget = DocumentMemory(), MAX_LEARNED_CHARACTERS
            for text in reversed(paragraphs):  # the end first: that is where writing goes on
                if text.strip() and budget > 0:
                    memory.learn(text, pause=turns.give_way)  # the GUI thread's slices and the writer's keys first
                    budget -= len(text)
            return memory

        run_in_background(learn, adopt, lambda _error: None, droppable=True)

    def _learn_finished_clause(self, inserted: str) -> None:
        """Follow the writer's typing run and learn a clause of it once its mark is typed. Typing that
        does not go on where the run stopped (a click, a jump, another paragraph) starts a new run: the
        text already there was learned with the document and is not counted twice."""
        if not inserted:
            return
        cursor = self.textCursor()
        block, end = cursor.block(), cursor.positionInBlock()
        number, start, reached = self._run
        if number != block.blockNumber() or reached != end - len(inserted):
            start = max(end - len(inserted), 0)
        self._run = (block.blockNumber(), start, end)
        if inserted[-1] not in _CLAUSE_MARKS:
            return
        clause = block.text()[start:end]
        self._run = (block.blockNumber(), end, end)
        if clause.strip():
            self.memory.learn(clause)
            where = QTextCursor(block)  # moves with the edits above it
            self._recent_clauses = [*self._recent_clauses[-(RECENT_CLAUSES - 1) :], (clause, where)]

    def _follow_deletion(self, position: int) -> None:
        """The writer deleted back into the typing run (a slip corrected): the run goes on from there."""
        block = self.document().findBlock(position)
        number, start, _reached = self._run
        if block.blockNumber() == number:
            at = position - block.position()
            self._run = (number, min(start, at), at)

    def _forget_removed(self) -> None:
        """A clause learned as typed that is no longer in the text (undone, deleted) is forgotten: what
        the writer took back is never offered again."""
        document = self.document()
        kept = []
        for clause, where in self._recent_clauses:
            # where it was typed first; the whole text (searched in Qt) only when it is gone from there
            if clause in where.block().text() or not document.find(clause).isNull():
                kept.append((clause, where))
            else:
                self.memory.forget(clause)
        self._recent_clauses = kept

    # ---- suggestions -------------------------------------------------------------------------

    def _after_insert(self, inserted: str) -> None:
        self._learn_finished_clause(inserted)
        self._popup_timer.start()

    def popup_pending(self) -> bool:
        """Whether the popup is yet to be asked for after the last commit."""
        return self._popup_timer.isActive()

    def refresh_popup(self, open_new: bool = True) -> None:
        """Ask the bank for completions at the cursor and show them (or hide the popup).

        With `open_new` False a hidden popup stays hidden (a deletion only updates an open one).
        """
        if not open_new and not self.popup.isVisible():
            return
        if self._in_slot_span():
            self.popup.hide()  # filling in slots: Tab belongs to the slots
            return
        if self.bank is None or self._composing or not self.suggestions_enabled or self.textCursor().hasSelection():
            self.popup.hide()
            return
        cursor = self.textCursor()
        before = cursor.block().text()[: cursor.positionInBlock()]
        if not before.strip() or before[-1].isspace():
            self.popup.hide()
            return
        suggestions = self.bank.suggest(
            before,
            self.current_section(),
            5,
            memory=self.memory,
            personal=self.personal,
            own=self.own_bank,
            genre=self.genre(),
        )
        if suggestions:
            self.popup.show_at(suggestions, self.cursorRect())
        else:
            self.popup.hide()

    def genre(self) -> str:
        """The 文种 the document's title names, read from its first lines ("" when none)."""
        block, lines = self.document().firstBlock(), []
        while block.isValid() and len(lines) < frames.HEAD_LINES:
            lines.append(block.text())
            block = block.next()
        return frames.document_genre("\n".join(lines))

    def accept_suggestion(self, suggestion: Suggestion | None = None) -> None:
        """Insert a completion; what follows it may be offered next, as after typing."""
        suggestion = suggestion or self.popup.current()
        self.popup.hide()
        if suggestion is not None:
            self.insert_phrase(suggestion.completion, record=suggestion.phrase)
            if self._slot_span is None:
                QTimer.singleShot(0, self, lambda: self._after_insert(suggestion.completion))

    def insert_phrase(self, text: str, record: str | None = None) -> None:
        """Insert at the cursor as one undoable edit; select the first slot the text carries."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        start = cursor.selectionStart()
        cursor.insertText(text)
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.popup.hide()
        self.phraseUsed.emit(record or text)
        match = PLACEHOLDER_RE.search(text)
        if match:
            span = QTextCursor(self.document())
            span.setPosition(start)
            span.setPosition(start + len(text), QTextCursor.MoveMode.KeepAnchor)
            self._slot_span = span  # Qt keeps its ends in place as the slots are typed over
            self._select(start + match.start(), start + match.end())

    def insert_table(self, rows: int, columns: int) -> None:
        """An empty table (row lines │ │ │) on its own lines at the cursor, one undoable edit; the cursor in
        its first cell. Saved as a table (GB/T 9704 form), its first row as the header."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        before = "\n" if cursor.block().text().strip() else ""
        cursor.insertText(before + "\n".join(empty_rows(rows, columns)))
        cursor.endEditBlock()
        first = self.document().findBlockByNumber(cursor.blockNumber() - rows + 1)
        self._select(first.position() + 1, first.position() + 1)
        self.setFocus()

    def _leave_row_end(self) -> None:
        """Text typed after a table row's closing │ (or before its opening one) goes into a paragraph of its
        own below (above) the row: in the row it would turn it into a plain line and the table would lose it."""
        cursor = self.textCursor()
        if cursor.hasSelection() or not is_row(cursor.block().text()):
            return
        if cursor.atBlockEnd():
            cursor.insertBlock()
        elif cursor.atBlockStart():
            cursor.insertBlock()
            cursor.movePosition(QTextCursor.MoveOperation.PreviousBlock)
        else:
            return
        self.setTextCursor(cursor)

    def insert_row_below(self) -> bool:
        """Below the table row at the cursor, an empty row with as many cells; False off a table row."""
        block = self.textCursor().block()
        if not is_row(block.text()):
            return False
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        cursor.insertText("\n" + empty_rows(1, len(row_cells(block.text())))[0])
        self._select(cursor.block().position() + 1, cursor.block().position() + 1)
        return True

    def _in_slot_span(self) -> bool:
        span = self._slot_span
        if span is None:
            return False
        position = self.textCursor().position()
        if span.selectionStart() <= position <= span.selectionEnd():
            return True
        self._slot_span = None
        return False

    def _next_slot_in_span(self) -> bool:
        """Select the next slot of the phrase being filled in; at the last one, leave the phrase."""
        span = self._slot_span
        if span is None:
            return False
        text = self.toPlainText()
        end = span.selectionEnd()
        match = PLACEHOLDER_RE.search(text, self.textCursor().selectionEnd(), end)
        if match:
            self._select(match.start(), match.end())
        else:
            self._slot_span = None
            cursor = self.textCursor()
            cursor.setPosition(end)
            self.setTextCursor(cursor)
        return True

    def _select(self, start: int, end: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.popup.hide()

    def _placeholder_selected(self) -> bool:
        selected = self.textCursor().selectedText()
        return bool(selected) and PLACEHOLDER_RE.fullmatch(selected) is not None

    def next_placeholder(self) -> bool:
        """Select the next unfilled placeholder after the cursor (wrapping); False when there is none."""
        text = self.toPlainText()
        position = self.textCursor().selectionEnd()
        match = PLACEHOLDER_RE.search(text, position) or PLACEHOLDER_RE.search(text, 0)
        if not match:
            return False
        self._select(match.start(), match.end())
        return True

    # ---- keys and input methods --------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers()
        if self._popup_timer.isActive():  # a key before the popup was asked for meets the list for the text as it is
            self._popup_timer.stop()
            self.refresh_popup()
        if key == Qt.Key.Key_Tab and not modifiers and self._in_slot_span():
            self._next_slot_in_span()
            return
        if key == Qt.Key.Key_Tab and not modifiers and not self.popup.isVisible() and self._placeholder_selected():
            self.next_placeholder()  # F4 then Tab: on to the next slot; the selected one is not typed over
            return
        if self.popup.isVisible():
            alt = modifiers & Qt.KeyboardModifier.AltModifier
            plain = not modifiers & ~Qt.KeyboardModifier.KeypadModifier
            # Tab accepts; Enter accepts only a row the writer chose with the arrows, otherwise it is
            # the line break it was typed as (a heading's Enter must not turn into a completion).
            chosen = self.popup.chosen_by_writer
            if plain and (key == Qt.Key.Key_Tab or (key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and chosen)):
                self.accept_suggestion()
                return
            if key == Qt.Key.Key_Escape:
                self.popup.hide()
                return
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and not modifiers:
                self.popup.move_selection(1 if key == Qt.Key.Key_Down else -1)
                return
            if alt and Qt.Key.Key_1 <= key <= Qt.Key.Key_5:
                picked = self.popup.pick(key - Qt.Key.Key_0)
                if picked:
                    self.accept_suggestion(picked)
                return
        if key == Qt.Key.Key_F4:
            self.next_placeholder()
            return
        plain = not modifiers & _COMMAND_MODIFIERS
        typed = plain and (
            (bool(event.text()) and event.text().isprintable()) or key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete)
        )
        pasting = event.matches(QKeySequence.StandardKey.Paste)
        if (typed and event.text().isprintable() and event.text()) or pasting:
            self._leave_row_end()
        if typed or pasting:
            self._start_typing(QApplication.clipboard().text() if pasting else event.text())
        try:
            super().keyPressEvent(event)
        finally:
            self._stop_typing()
        if key in (
            Qt.Key.Key_Left,
            Qt.Key.Key_Right,
            Qt.Key.Key_Home,
            Qt.Key.Key_End,
            Qt.Key.Key_PageUp,
            Qt.Key.Key_PageDown,
        ):
            self.popup.hide()

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        self._composing = bool(event.preeditString())
        if self._composing:
            self.popup.hide()
        if event.commitString():
            self._leave_row_end()
            self._start_typing(event.commitString())
        try:
            super().inputMethodEvent(event)
        finally:
            self._stop_typing()

    def insertFromMimeData(self, source) -> None:
        """Paste and drop count as typing (a short paste may be completed; a passage never is).

        A pasted passage (several lines: a web page) goes in as it came, then its page chrome (下载、
        打印), adverts and markers are taken out as an edit of their own: the writer is told what went,
        and Ctrl+Z brings the passage back exactly as pasted.
        """
        text = source.text()
        self._start_typing(text)
        start = self.textCursor().selectionStart()
        try:
            super().insertFromMimeData(source)
        finally:
            self._stop_typing()
        if "\n" not in text.strip():
            return
        cleaned = clean_text(text)
        if not cleaned.dropped:
            return
        cursor = self.textCursor()
        cursor.setPosition(start, QTextCursor.MoveMode.KeepAnchor)
        cursor.beginEditBlock()
        cursor.insertText(cleaned.text + ("\n" if text.endswith("\n") else ""))
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.pasteCleaned.emit([drop.text for drop in cleaned.dropped])

    def _start_typing(self, text: str) -> None:
        """The edits that follow are the writer's typing of `text` (printable text; "" for a deletion)."""
        self._typing = True
        self._typed = text if text.isprintable() else ""

    def _stop_typing(self) -> None:
        self._typing = False
        self._typed = None

    def contextMenuEvent(self, event) -> None:
        """Qt's own menu (translated by the installed zh_CN translations) plus 加入我的短语库."""
        menu = self.createStandardContextMenu(event.pos())
        menu.addSeparator()
        add = menu.addAction("把选中文字加入我的短语库…\tCtrl+D", self.addToLibraryRequested.emit)
        add.setEnabled(self.textCursor().hasSelection())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def focusOutEvent(self, event) -> None:
        self.popup.hide()
        super().focusOutEvent(event)

    def event(self, event: QEvent) -> bool:
        # Tab must reach keyPressEvent (slot navigation), not move the focus to the next widget.
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Tab:
            self.keyPressEvent(event)
            return True
        return super().event(event)

    # ---- structure edits ---------------------------------------------------------------------

    def select_range(self, paragraph: int, column: int, length: int) -> None:
        """Select text in a paragraph (a checker finding) and show it."""
        block = self.document().findBlockByNumber(paragraph)
        if block.isValid():
            self._select(block.position() + column, block.position() + column + length)
            self.ensureCursorVisible()
            self.setFocus()

    def apply_fix(self, finding) -> None:
        """Replace a finding's text with its fix, as one undoable edit."""
        block = self.document().findBlockByNumber(finding.paragraph)
        if not block.isValid() or block.text()[finding.column : finding.column + finding.length] != finding.found:
            return  # the text changed since the check ran
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.setPosition(block.position() + finding.column)
        cursor.setPosition(block.position() + finding.column + finding.length, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(finding.fix)
        cursor.endEditBlock()

    def go_to_paragraph(self, index: int) -> None:
        block = self.document().findBlockByNumber(index)
        if block.isValid():
            cursor = QTextCursor(block)
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
            self.show_near_top()
            self.setFocus()

    def show_near_top(self, tries: int = 20) -> None:
        """Scroll so that the cursor's paragraph stands in the upper part of the view (not at its bottom).

        Qt lays a long document out in the background; while the text below the paragraph is not laid
        out yet the view cannot scroll that far, so this looks again shortly.
        """
        block = self.textCursor().block()
        end = self.document().findBlockByNumber(block.blockNumber() + 80)
        end_position = end.position() if end.isValid() else self.document().characterCount() - 1
        self.document().markContentsDirty(block.position(), end_position - block.position())  # lays it out now
        top = self.document().documentLayout().blockBoundingRect(block).top()
        wanted = round(top) - self.viewport().height() // 5
        bar = self.verticalScrollBar()
        bar.setValue(max(bar.minimum(), min(bar.maximum(), wanted)))
        if wanted > bar.maximum() and tries:
            QTimer.singleShot(50, self, lambda: self.show_near_top(tries - 1))

    def _replace_all(self, texts: list[str]) -> None:
        """Replace the whole text as one undoable edit."""
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText("\n".join(texts))
        cursor.endEditBlock()

    def move_section(self, heading: int, before: int) -> None:
        """Move the section headed at paragraph `heading` (with its text) before paragraph `before`."""
        texts, new_index = move_section(self.paragraphs(), heading, before)
        if texts != self.paragraphs():
            self._replace_all(texts)
            self.go_to_paragraph(new_index)

    def renumber(self) -> int:
        """Renumber every heading sequence; return how many headings changed."""
        old = self.paragraphs()
        new = renumber(old)
        changed = [i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
        if not changed:
            return 0
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for index in changed:
            block = self.document().findBlockByNumber(index)
            cursor.setPosition(block.position())
            cursor.setPosition(block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(new[index])
        cursor.endEditBlock()
        return len(changed)
