"""The coverage-guided fuzz target of the age layer, run for a bounded time in ``make test``.

``REFLECTDESK_FUZZ_SECONDS`` sets the time (default 25 s; CI may give it more). A crash
or a disagreement with pyrage fails the test and leaves the input in the test's
temporary folder (``crash-…``), to be added to the tests that replay it.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import REPO

FUZZER = Path(__file__).with_name("fuzz_age.py")


def test_fuzz_the_header_parser_and_the_decryptor(tmp_path: Path) -> None:
    if sys.platform != "linux":
        pytest.skip("atheris (libFuzzer) is installed on Linux only (pyproject dev extra)")
    if importlib.util.find_spec("atheris") is None:  # a dev dependency on Linux: not optional
        pytest.fail("atheris is missing: pip install -e '.[dev]'")
    seconds = int(os.environ.get("REFLECTDESK_FUZZ_SECONDS", "25"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    env.pop("REFLECTDESK_AGE_BACKEND", None)
    done = subprocess.run(
        [
            sys.executable,
            str(FUZZER),
            str(corpus),
            f"-max_total_time={seconds}",
            "-max_len=140000",
            "-timeout=20",
            "-rss_limit_mb=2048",
            f"-artifact_prefix={tmp_path}/",
            "-print_final_stats=1",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=seconds + 120,
        check=False,
    )
    tail = done.stderr[-4000:]
    assert done.returncode == 0, tail
    runs = re.search(r"Done (\d+) runs", done.stderr)
    assert runs is not None and int(runs.group(1)) > 1000, tail
    assert len(list(corpus.iterdir())) > 10, tail  # seeds were written, coverage grew
