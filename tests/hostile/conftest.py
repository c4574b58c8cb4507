"""Print the hostile cases' time and peak memory at the end of the run."""

from __future__ import annotations

from typing import Any


def pytest_terminal_summary(terminalreporter: Any) -> None:
    from make_corpus import RESULTS

    if not RESULTS:
        return
    tr = terminalreporter
    tr.section("hostile inputs: time and peak memory (forked child; growth over its start)")
    tr.write_line(f"{'case':28} {'seconds':>8} {'peak MB':>8} {'growth MB':>10}")
    for name, seconds, peak, growth in RESULTS:
        tr.write_line(f"{name:28} {seconds:8.2f} {peak:8.0f} {growth:10.0f}")
