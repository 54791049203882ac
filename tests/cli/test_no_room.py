"""The command line when the disk takes no more: one Chinese line, exit 2, nothing half-written left behind.

A real process with a file-size limit (RLIMIT_FSIZE, SIGXFSZ ignored) meets the same failing writes as a full
disk, without mounting one."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

LIMITED = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
module = sys.argv[2]
sys.argv = [module, *sys.argv[3:]]
if module == "gongwen-desk":
    from phrasebank.cli.desk import main
else:
    from phrasebank.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def run_limited(limit: int, program: str, *args: str, data: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GONGWEN_DATA_DIR": str(data)}
    command = [sys.executable, "-c", LIMITED, str(limit), program, *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


def test_an_export_that_cannot_be_written_says_so_in_one_line_and_leaves_nothing(tmp_path, gov_files):
    out = tmp_path / "out" / "报告.docx"
    out.parent.mkdir()
    done = run_limited(20_000, "gongwen-desk", "export", str(gov_files[0]), "-o", str(out), data=tmp_path / "data")
    errors = [line for line in done.stderr.splitlines() if line.startswith("错误")]
    assert done.returncode == 2 and errors == [f"错误：无法保存 {out}：文件超过系统允许的大小"], done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert list(out.parent.iterdir()) == []


def test_a_dictionary_cache_that_cannot_be_written_costs_nothing_but_time(tmp_path):
    data = tmp_path / "data"
    done = run_limited(2_000_000, "phrasebank", "library", "add", "加强基层治理", data=data)
    assert done.returncode == 0 and "已添加" in done.stdout, done.stderr
    assert "Traceback" not in done.stderr and "Dump cache" not in done.stderr
    assert not [p.name for p in (data / "cache").iterdir() if p.name.startswith("tmp")]


def test_a_bank_that_cannot_be_saved_is_named_in_chinese(tmp_path, corpus_files):
    bank = tmp_path / "bank.db"
    done = run_limited(12_000, "phrasebank", "mine", str(corpus_files[0]), "-o", str(bank), "--quiet", data=tmp_path)
    assert done.returncode == 2 and len(done.stderr.splitlines()) == 1, done.stderr
    assert re.fullmatch(f"错误：词库 {re.escape(str(bank))} 出错：保存失败（[^A-Za-z]*磁盘[^A-Za-z]+）\n", done.stderr)
    assert not bank.exists()
