"""The preview follows every input: `mkdocs serve`, as `make serve` runs it, rebuilds when
a data file, a template override or an organisation's own file changes, not only docs/.

One server on a copy of the repository (the repository itself is never edited), with the
example organisation's file; each change is waited for until the served page shows it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from deploy_support import free_port
from sitebuilder import REPO

WAIT = 180  # seconds: a busy 2-core machine rebuilds four languages slowly


def copy_repository(target: Path) -> Path:
    # anhorigguiden/ too: `python -m mkdocs` in the copy imports the copy's package first,
    # whose data folder (guide_data.UPSTREAM_ROOT) is the copy's data/ that the tests edit.
    for name in ("docs", "data", "overrides", "hooks", "examples", "anhorigguiden"):
        shutil.copytree(REPO / name, target / name)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    return target


def served_text(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return answer.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + WAIT
    while text not in served_text(url):
        assert server.poll() is None, "mkdocs serve stopped:\n" + server.stdout.read()
        assert time.monotonic() < deadline, f"{url} never showed {text!r}"
        time.sleep(0.25)


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    work = copy_repository(tmp_path_factory.mktemp("serve"))
    organisation = work / "examples" / "exempelkommun" / "organisation.yml"
    port = free_port()
    environment = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": "1795000000",
        "ANHORIGGUIDEN_ORGANISATION": str(organisation),
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "-f", str(work / "mkdocs.yml")],
        cwd=work,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    # mkdocs serve mounts the site at the path of mkdocs.yml's site_url (/), not at the
    # organisation's (hooks/organisation.py leaves site_url alone when serving).
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(base + "guider/vem-ar-anhorig/", "</html>", server)
        yield work, organisation, base, server
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"{path} no longer contains {old!r}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_changed_fact_shows_without_a_restart(preview):
    work, _, base, server = preview
    edit(work / "data" / "facts.yml", "sv: mer än en miljon\n", "sv: mer än en miljon (ändrad i förhandsvisningen)\n")
    wait_for(base + "guider/vem-ar-anhorig/", "ändrad i förhandsvisningen", server)


def test_a_changed_template_shows_without_a_restart(preview):
    work, _, base, server = preview
    # A partial that every page includes (text outside a block of main.html is not shown).
    template = work / "overrides" / "partials" / "page-meta.html"
    template.write_text(template.read_text(encoding="utf-8") + "\n<!-- mall ändrad -->\n", encoding="utf-8")
    wait_for(base + "guider/vem-ar-anhorig/", "<!-- mall ändrad -->", server)


def test_a_changed_organisation_file_shows_without_a_restart(preview):
    _, organisation, base, server = preview
    edit(organisation, "sv: Anhörigguiden i Exempelkommun\n", "sv: Anhörigguiden i Nya Exempelkommun\n")
    wait_for(base + "guider/vem-ar-anhorig/", "Anhörigguiden i Nya Exempelkommun", server)


def test_serving_swedish_only_builds_the_swedish_site_with_its_generated_pages(tmp_path):
    """`make serve LANGUAGE=sv`: every data file is still read and checked (English, Arabic
    and Finnish texts in it are accepted, not refused as unknown languages), the Swedish
    pages are built with the generated ones, and no other language's tree is written."""
    from sitebuilder import run_mkdocs

    result = run_mkdocs(REPO / "mkdocs.yml", tmp_path / "site", cwd=REPO, env={"ANHORIGGUIDEN_ONLY_LANGUAGE": "sv"})
    assert result.returncode == 0, result.output
    site = tmp_path / "site"
    for page in ("index.html", "guider/avlosning/index.html", "kallor/index.html", "ordlista/index.html", "utbildning/index.html"):
        assert (site / page).is_file(), f"{page} missing from the Swedish-only build"
    assert not any((site / language).exists() for language in ("en", "ar", "fi"))
    assert 'lang="sv"' in (site / "guider" / "avlosning" / "index.html").read_text(encoding="utf-8")


def test_make_serve_refuses_a_language_that_cannot_be_built_alone():
    completed = subprocess.run(["make", "-n", "serve", "LANGUAGE=en"], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert completed.returncode != 0
    assert "only LANGUAGE=sv" in completed.stderr
