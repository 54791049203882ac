"""Entry point of `gongwen-desk`: the editor window, or a batch command (`gongwen-desk export …`)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path


def main(argv: Sequence[str] | None = None) -> int:
    """Start the editor (optionally opening a file), or run a batch command."""
    args = list(sys.argv[1:] if argv is None else argv)
    from phrasebank.cli import DESK_COMMANDS

    if args and (args[0] in DESK_COMMANDS or args[0] in ("-h", "--help")):
        from phrasebank.cli.desk import main as batch

        return batch(args)
    if args and args[0] in ("-V", "--version"):
        print(f"gongwen-desk {version()}")
        return 0
    unknown = [arg for arg in args if arg.startswith("-")]
    if unknown or len(args) > 1:
        what = f"不认识的选项：{' '.join(unknown)}" if unknown else "一次只能打开一个文件"
        print(f"错误：{what}。用法：gongwen-desk [要打开的文件]，或 gongwen-desk --help", file=sys.stderr)
        return 2
    from . import engine

    engine.import_all()  # before PySide (see `engine`)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    engine.spare_feature_scan()

    from .fonts import install_substitutions
    from .responsive import keep_responsive
    from .trail import LOG, install_hook, log_path, start_log
    from .translations import install_chinese
    from .window import MainWindow, rescue_drafts

    fallback = usable_data_dir()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    install_chinese(app)
    app.setApplicationName("公文写作台")
    app.setOrganizationName("gongwen-desk")
    keep_responsive(app)
    stand_ins = install_substitutions()
    logged = start_log()
    window = MainWindow()
    LOG.info("启动")
    QTimer.singleShot(3000, lambda: LOG.info("版本 %s", version()))  # (reading it takes the start 25 ms)

    install_hook(lambda message: rescue_drafts(message, str(logged or log_path())))
    window.show()
    if stand_ins:
        names = "；".join(f"{name} 用 {used} 显示" for name, used in stand_ins.items())
        message = f"本机缺少公文字体，屏幕上以替代字体显示（{names}），导出的 DOCX 不受影响。"
        window.statusBar().showMessage(message, 15000)
    if fallback:
        window.ask("数据文件夹", fallback, ["知道了"])
    if not window.offer_draft() and args:
        window.open_path(Path(args[0]))
    window.load_bank_in_background()
    return app.exec()


def usable_data_dir() -> str:
    """Make sure the editor has a data folder it can write; when the usual one cannot be made (a read-only
    or missing home), use a temporary one for this session and return what to tell the writer."""
    import os
    import tempfile

    from phrasebank.errors import PhrasebankError
    from phrasebank.paths import data_dir

    try:
        data_dir()
        return ""
    except PhrasebankError as exc:
        folder = tempfile.mkdtemp(prefix="gongwen-desk-")
        os.environ["GONGWEN_DATA_DIR"] = folder
        return (
            f"{exc}。本次改用临时文件夹 {folder}：短语库、草稿和设置在关闭后不会保留。"
            "请检查主目录的权限，或设置环境变量 GONGWEN_DATA_DIR 指向一个可写的文件夹。"
        )


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("gongwen-desk")
    except PackageNotFoundError:
        return "（未安装的源代码）"


if __name__ == "__main__":
    sys.exit(main())
