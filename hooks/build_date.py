"""Reproducible builds: the same tree gives the same bytes, whatever day it is built.

MkDocs dates two outputs with the day of the build: each page's `<lastmod>` in
sitemap.xml and the gzip header of sitemap.xml.gz. Both honour SOURCE_DATE_EPOCH. Unless
the builder has set it, this hook sets it to the date of the tree's last git commit, which
is also the truer "last modified" date of the published content. Outside a git checkout
(a tarball, a tiny test site) it leaves the build date as MkDocs has it.

Events: on_config, first of all (pages get their dates after on_config). Touches no page.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger

log = get_plugin_logger(__name__)


@event_priority(100)  # first of all: SOURCE_DATE_EPOCH must be set before anything is dated
def on_config(config: MkDocsConfig) -> None:
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return
    epoch = last_commit_epoch(Path(config.config_file_path or ".").resolve().parent)
    if epoch is None:
        log.debug("not a git checkout: the sitemap is dated with the build day")
        return
    os.environ["SOURCE_DATE_EPOCH"] = epoch


def last_commit_epoch(folder: Path) -> str | None:
    """Seconds since the epoch of the last commit of the repository holding `folder`."""
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), "log", "-1", "--format=%ct"],
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    epoch = done.stdout.strip()
    return epoch if done.returncode == 0 and epoch.isdigit() else None
