import subprocess
import sys

import pytest

from generator.store.lock import Busy, exclusive
from tests.conftest import ROOT


def test_second_run_is_refused_with_a_clear_message(tmp_path):
    with exclusive(tmp_path):
        with pytest.raises(Busy, match="another generator run is in progress"):
            with exclusive(tmp_path):
                pass
    with exclusive(tmp_path):  # released afterwards
        pass


def test_cli_exits_with_status_2_while_another_run_holds_the_docs(wiki):
    with exclusive(wiki / "docs"):
        result = subprocess.run([sys.executable, "-m", "generator", "link", "--docs", str(wiki / "docs")],
                                cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2
    assert "another generator run is in progress" in result.stderr
