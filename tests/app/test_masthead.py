"""The 版头和版记 dialog in the real window: read from a real sample, edited, saved, read back."""

from __future__ import annotations

from conftest import DOCX_SAMPLES
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from app.masthead import MastheadDialog
from phrasebank.document.masthead import Masthead
from phrasebank.document.report import open_report

SAMPLE = DOCX_SAMPLES / "公文样例_standard.docx"


def open_dialog() -> MastheadDialog:
    """The 版头和版记 dialog the window has just opened."""
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, MastheadDialog) and w.isVisible())


def test_sample_banner_survives_open_edit_save_and_reopen(qtbot, window, tmp_path, answers):
    window.open_path(SAMPLE, wait=True)
    qtbot.waitUntil(lambda: window.masthead.issuer == "中共云岭市委办公室文件")
    assert window.editor.paragraphs()[0] == "关于做好2026年暑期新时代文明实践工作的通知"

    def fill() -> None:
        dialog = open_dialog()
        number = dialog.inputs["doc_number"]
        assert isinstance(number, QLineEdit) and number.text() == "云办发〔2026〕12号"
        number.setText("云办发〔2026〕13号")
        urgency = dialog.inputs["urgency"]
        assert isinstance(urgency, QComboBox)
        urgency.setCurrentText("特急")
        dialog.accept()

    QTimer.singleShot(0, fill)
    window.edit_masthead()
    assert window.masthead.doc_number == "云办发〔2026〕13号" and window.masthead.urgency == "特急"
    assert window.editor.document().isModified()  # a changed 版头 is an unsaved change
    target = tmp_path / "通知.docx"
    window.path = target
    answers.plan = ["仍然保存"]
    assert window.save()
    assert not any("加粗" in text for _, text in answers.asked)  # the red 〔此处加盖红色印章〕 stays red
    again = open_report(target)
    assert again.masthead.doc_number == "云办发〔2026〕13号" and again.masthead.urgency == "特急"
    assert again.masthead.copy_to == "市委各部委、市级国家机关各委办局。"
    assert again.paragraphs == window.editor.paragraphs()


def test_the_banner_goes_into_the_draft_and_comes_back(qtbot, window):
    window.new_from_template("空白报告")
    window.masthead = Masthead(issuer="某某文件", doc_number="某发〔2026〕1号")
    window.editor.document().setModified(True)
    window.autosave()
    assert "某发〔2026〕1号" in window.drafts.path.read_text(encoding="utf-8")
    window._load("", None, Masthead.from_dict({"doc_number": "某发〔2026〕1号"}))
    assert window.masthead.doc_number == "某发〔2026〕1号"


def test_marking_a_document_classified_warns_about_the_computer(qtbot, window, answers):
    def fill() -> None:
        dialog = open_dialog()
        secrecy = dialog.inputs["secrecy"]
        assert isinstance(secrecy, QComboBox)
        secrecy.setCurrentText("机密★5年")
        dialog.accept()

    QTimer.singleShot(0, fill)
    window.edit_masthead()
    assert window.masthead.secrecy == "机密★5年"
    assert answers.asked and answers.asked[-1][0] == "涉密公文" and "涉密计算机" in answers.asked[-1][1]


def test_an_offices_own_template_keeps_its_banner_and_comes_back_under_ctrl_n(qtbot, window):
    from PySide6.QtWidgets import QInputDialog

    from app.dialogs import TemplateDialog

    window.new_from_template("通知")
    organ = "云岭市防汛抗旱指挥部办公室综合协调处"  # 18 characters
    window.masthead = Masthead(issuer=f"{organ}文件", doc_number="云防办〔2026〕X号", copy_to="市委办公室。")

    def name_it() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog) and dialog.windowTitle() == "存为模板"
        dialog.setTextValue("本处通知")
        dialog.accept()

    QTimer.singleShot(0, name_it)
    assert window.save_as_template()
    assert "本处通知" in TemplateDialog(window).names.findItems("本处通知", Qt.MatchFlag.MatchExactly)[0].text()
    window.new_from_template("空白报告")
    window.new_from_template("本处通知")
    assert window.masthead.issuer == f"{organ}文件" and window.masthead.copy_to == "市委办公室。"
    assert window.editor.paragraphs()[0] == "关于XX的通知"  # the 版头 is not read as the title


def test_a_doc_number_with_a_slip_is_named_in_the_dialog_and_kept_as_a_banner(qtbot, window, answers, tmp_path):
    """云文旅〔20265号 (no 〕): the dialog says what GB/T 9704 wants; kept anyway, it reopens as a 版头."""
    window.new_from_template("通知")

    def fill(number: str) -> None:
        dialog = open_dialog()
        dialog.inputs["issuer"].setText("云岭市文化和旅游局文件")  # type: ignore[union-attr]
        dialog.inputs["urgency"].setCurrentText("加急")  # type: ignore[union-attr]
        dialog.inputs["doc_number"].setText(number)  # type: ignore[union-attr]
        dialog.accept()

    answers.plan = ["仍然使用", "仍然保存"]  # the slip kept; saved with the template's slots unfilled
    QTimer.singleShot(0, lambda: fill("云文旅〔20265号"))
    window.edit_masthead()
    title, text = answers.asked[-1]
    assert title == "发文字号" and "GB/T 9704-2012 7.2.4" in text and window.masthead.doc_number == "云文旅〔20265号"
    target = tmp_path / "通知.docx"
    assert window._write(target, wait=True) and target.exists()
    window._load("", None)
    window.open_path(target, wait=True)
    qtbot.waitUntil(lambda: window.masthead.doc_number == "云文旅〔20265号")
    assert window.masthead.urgency == "加急" and window.editor.paragraphs()[0] == "关于XX的通知"

    answers.plan = ["改为 云文旅〔2026〕5号"]
    QTimer.singleShot(0, lambda: fill("云文旅[2026]05号"))
    window.edit_masthead()
    assert window.masthead.doc_number == "云文旅〔2026〕5号"
