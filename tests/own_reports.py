"""Three small reports of one office, as a writer would keep them: the office's own formulations
(推行“三单一函”督办机制, 坚持“四不两直”暗访督查) recur in all of them."""

from pathlib import Path

UNITS = ("县委办", "县政府办", "县纪委")


def write_reports(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, unit in enumerate(UNITS):
        text = f"""关于{unit}2026年第{i + 1}季度督查工作情况的报告
县委：
现将{unit}本季度督查工作情况报告如下。
一、主要做法
（一）推行“三单一函”督办机制。对重点任务逐项建立问题清单、任务清单、责任清单，发出提醒函{3 + i}份，推动问题整改到位。
（二）坚持“四不两直”暗访督查。深入{5 + i}个乡镇开展暗访，推行“三单一函”督办机制，发现问题{12 + i}个。
（三）建立督查台账。实行销号管理，做到件件有着落、事事有回音。
二、存在问题
部分单位对督查发现问题整改不够及时，推行“三单一函”督办机制还不够深入。
三、下步打算
一是继续推行“三单一函”督办机制。二是坚持“四不两直”暗访督查，做到件件有着落、事事有回音。
特此报告。
{unit}
2026年{3 * (i + 1)}月30日
"""
        path = folder / f"{unit}督查报告.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
