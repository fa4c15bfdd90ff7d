"""The live preview (`make serve`): a real `python -m generator serve`, edited under it."""

import os
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from generator.dev.bench import free_port
from generator.steps.ingest import ingest
from generator.steps.link import link
from tests.conftest import ROOT, site_scaffold
from tests.steps.test_ingest_link import ARTICLE

pytestmark = pytest.mark.slow


def wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if text in urllib.request.urlopen(url, timeout=5).read().decode("utf-8"):
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def start_preview(wiki):
    """``python -m generator serve`` in ``wiki`` on a free port: the process, its output as it comes, the port."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "-a", f"127.0.0.1:{port}"], cwd=wiki, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8", errors="replace")
    lines: list[str] = []
    threading.Thread(target=lambda: lines.extend(server.stdout), daemon=True).start()
    return server, lines, port


def test_a_new_raw_article_shows_up_on_its_entity_pages_in_the_preview(wiki):
    (wiki / "seeds" / "001.txt").write_text(ARTICLE, encoding="utf-8")
    ingest(wiki / "seeds", wiki / "docs")
    link(wiki / "docs")
    site_scaffold(wiki)
    server, lines, port = start_preview(wiki)

    def rebuilds() -> int:
        return sum("Detected file changes" in line for line in list(lines))

    try:
        base = f"http://127.0.0.1:{port}/syria/"
        assert wait_for(base + "actors/russia/", "Moscow</strong> said on Monday", 120), "the preview did not start"
        (wiki / "seeds" / "002.txt").write_text(
            "Damascus hosts Lavrentiev\n\nAlexander Lavrentyev met officials in Damascus on Sunday to discuss the Astana process.\n",
            encoding="utf-8")
        # The analyst saved a raw file; nobody ran make: the entity page must list the new article.
        assert wait_for(base + "locations/damascus/", "Damascus hosts Lavrentiev", 60)
        assert (wiki / "docs" / "articles" / "damascus-hosts-lavrentiev.md").is_file()
        time.sleep(2)
        assert rebuilds() == 1, "".join(lines)[-3000:]  # the pages the generator wrote for the save started no other rebuild
        # An editor's change to the new article's page shows up too, the editor's text kept.
        page = wiki / "docs" / "articles" / "damascus-hosts-lavrentiev.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nAn editor's note on the meeting.\n", encoding="utf-8")
        assert wait_for(base + "articles/damascus-hosts-lavrentiev/", "note on the meeting", 60)
        # The preview keeps make site's site/ current: the next make site starts from it.
        assert "note on the meeting" in (wiki / "site" / "articles" / "damascus-hosts-lavrentiev" / "index.html").read_text("utf-8")
    finally:
        server.terminate()
        server.wait(timeout=30)
    output = "".join(lines)
    assert "Traceback" not in output, output[-3000:]


def test_a_symlink_loop_in_seeds_neither_crashes_nor_hangs_the_preview(wiki):
    """Issue 17, case 6: the loop was a traceback in the first rebuild; now it is a reported file and saves still show."""
    seeds = wiki / "seeds"
    (seeds / "001.txt").write_text(ARTICLE, encoding="utf-8")
    os.symlink("loop-b.txt", seeds / "loop-a.txt")
    os.symlink("loop-a.txt", seeds / "loop-b.txt")
    (seeds / "a.txt").mkdir()
    site_scaffold(wiki)
    server, lines, port = start_preview(wiki)
    try:
        base = f"http://127.0.0.1:{port}/syria/"
        assert wait_for(base + "actors/russia/", "Moscow</strong> said on Monday", 120), "".join(lines)[-3000:]
        os.symlink(".", seeds / "self")  # a loop made while the preview watches
        os.symlink("loop-d.txt", seeds / "loop-c.txt")
        os.symlink("loop-c.txt", seeds / "loop-d.txt")
        (seeds / "002.txt").write_text(
            "Damascus hosts Lavrentiev\n\nAlexander Lavrentyev met officials in Damascus on Sunday to discuss the Astana process.\n",
            encoding="utf-8")
        assert wait_for(base + "locations/damascus/", "Damascus hosts Lavrentiev", 60), "".join(lines)[-3000:]
    finally:
        server.terminate()
        server.wait(timeout=30)
    output = "".join(lines)
    assert "Traceback" not in output, output[-3000:]
    assert "loop-a.txt: symbolic link loop" in output and "a.txt: a folder, not a file" in output, output[-3000:]
