"""What is due for review: the editor's list of what to look at first (`make review`).

Reads the content as it stands, without building the site:
- pages (docs/**.md) whose `reviewed` date is older than the review period;
- translations whose `reviewed` date is older than their Swedish page's;
- sources (data/sources.yml) past their `check_again` date;
- law references (data/law.yml) whose `verified` date is older than the review period;
- training paths (data/paths/*.yml) whose `reviewed` date is older than the review period.

The period is the organisation's `review_months` (its organisation file, EDITING.md,
"Organisation"), 12 months unless it sets one. The report never fails a build: it exits 0
whatever it finds, and 2 only when it cannot read what it was asked to read.

    python scripts/review_report.py                    # a plain table, most overdue first
    python scripts/review_report.py --html FILE        # also a page for the editors
    python scripts/review_report.py --today 2027-01-01 # as it will look that day
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
DEFAULT_MONTHS = 12
_FRONT_MATTER = re.compile(r"\A\ufeff?-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_LANGUAGE_SUFFIX = re.compile(r"^(?P<stem>.+?)\.(?P<lang>[a-z]{2})\.md$")


class ReportError(Exception):
    """Something the report was asked to read cannot be read: said plainly, no traceback."""


@dataclass(frozen=True, order=True)
class Finding:
    due: dt.date  # the day it fell due: the oldest first
    kind: str
    item: str
    detail: str


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` months earlier (the month's last day where it has fewer days)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def _read_yaml(path: Path) -> object:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ReportError(f"{path}: cannot be read as YAML ({error.__class__.__name__}: {error}). Run `make check-content` for the details.") from None


def front_matter(path: Path) -> dict:
    """A page's front matter, or {} when it has none or it does not parse (the build and
    `make check-content` report those; the review report only reads dates)."""
    try:
        match = _FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return {}
    if not match:
        return {}
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}


def review_months(organisation_file: Path | None) -> int:
    """The organisation's review period, in months."""
    if organisation_file is None or not organisation_file.is_file():
        return DEFAULT_MONTHS
    data = _read_yaml(organisation_file)
    months = data.get("review_months", DEFAULT_MONTHS) if isinstance(data, dict) else DEFAULT_MONTHS
    if not isinstance(months, int) or isinstance(months, bool) or not 1 <= months <= 60:
        raise ReportError(f"{organisation_file}: review_months is {months!r}; write a whole number of months from 1 to 60, e.g. 'review_months: 12'.")
    return months


def _due(reviewed: dt.date, cutoff: dt.date, today: dt.date) -> dt.date:
    """The day a date older than the cutoff fell due: the period after it."""
    return months_before(reviewed, -_months_between(cutoff, today))


def _months_between(earlier: dt.date, later: dt.date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month


def page_findings(docs: Path, cutoff: dt.date, today: dt.date) -> list[Finding]:
    findings = []
    pages = sorted(p for p in docs.rglob("*.md") if "assets" not in p.relative_to(docs).parts)
    reviewed = {page: _as_date(front_matter(page).get("reviewed")) for page in pages}
    for page, date in reviewed.items():
        name = page.relative_to(docs).as_posix()
        if date is not None and date < cutoff:
            findings.append(Finding(_due(date, cutoff, today), "page", name, f"reviewed {date.isoformat()}"))
        match = _LANGUAGE_SUFFIX.match(page.name)
        if match and date is not None:
            swedish = page.with_name(match["stem"] + ".md")
            swedish_date = reviewed.get(swedish)
            if swedish_date is not None and date < swedish_date:
                findings.append(
                    Finding(
                        date,
                        "translation",
                        name,
                        f"reviewed {date.isoformat()}, older than the Swedish page ({swedish_date.isoformat()}): check it says the same",
                    )
                )
    return findings


def source_findings(data: Path, today: dt.date) -> list[Finding]:
    registry = _read_yaml(data / "sources.yml")
    findings = []
    for key, entry in (registry or {}).items():
        check_again = _as_date(entry.get("check_again")) if isinstance(entry, dict) else None
        if check_again is not None and check_again <= today:
            read = _as_date(entry.get("read"))
            findings.append(Finding(check_again, "source", str(key), f"check again from {check_again.isoformat()}" + (f" (read {read.isoformat()})" if read else "")))
    return findings


def law_findings(data: Path, cutoff: dt.date, today: dt.date) -> list[Finding]:
    registry = _read_yaml(data / "law.yml")
    findings = []
    for key, entry in (registry or {}).items():
        verified = _as_date(entry.get("verified")) if isinstance(entry, dict) else None
        if verified is not None and verified < cutoff:
            findings.append(Finding(_due(verified, cutoff, today), "law", str(key), f"verified against the law text {verified.isoformat()}"))
    return findings


def path_findings(data: Path, cutoff: dt.date, today: dt.date) -> list[Finding]:
    findings = []
    for path_file in sorted((data / "paths").glob("*.yml")):
        entry = _read_yaml(path_file)
        reviewed = _as_date(entry.get("reviewed")) if isinstance(entry, dict) else None
        if reviewed is not None and reviewed < cutoff:
            findings.append(Finding(_due(reviewed, cutoff, today), "training path", path_file.name, f"reviewed {reviewed.isoformat()}"))
    return findings


def report(*, docs: Path, data: Path, organisation_file: Path | None, today: dt.date) -> tuple[int, list[Finding]]:
    months = review_months(organisation_file)
    cutoff = months_before(today, months)
    findings = page_findings(docs, cutoff, today) + source_findings(data, today) + law_findings(data, cutoff, today) + path_findings(data, cutoff, today)
    return months, sorted(findings)


def as_table(findings: list[Finding], months: int, today: dt.date) -> str:
    lines = [f"Due for review on {today.isoformat()} (review period: {months} months): {len(findings)} item(s), the oldest first."]
    if not findings:
        return lines[0] + "\nNothing is due."
    rows = [("due since", "kind", "what", "why")] + [(f.due.isoformat(), f.kind, f.item, f.detail) for f in findings]
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    for number, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(row[:3], widths)) + "  " + row[3])
        if number == 0:
            lines.append("  ".join("-" * width for width in widths) + "  " + "-" * 3)
    return "\n".join(lines)


def as_html(findings: list[Finding], months: int, today: dt.date) -> str:
    """A page for the editors only: not in the navigation, not indexed, no script or style."""
    rows = "\n".join(
        f"<tr><td>{f.due.isoformat()}</td><td>{html.escape(f.kind)}</td><td>{html.escape(f.item)}</td><td>{html.escape(f.detail)}</td></tr>"
        for f in findings
    )
    return (
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"robots\" content=\"noindex, nofollow\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>Due for review, {today.isoformat()}</title>\n</head>\n<body>\n<main>\n"
        f"<h1>Due for review on {today.isoformat()}</h1>\n"
        f"<p>Review period: {months} months. {len(findings)} item(s), the oldest first. "
        "This page is for the guide's editors and is not linked from the guide.</p>\n"
        + ("<table>\n<caption>What to look at first</caption>\n<thead><tr><th scope=\"col\">Due since</th><th scope=\"col\">Kind</th>"
           f"<th scope=\"col\">What</th><th scope=\"col\">Why</th></tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>\n" if findings else "<p>Nothing is due.</p>\n")
        + "</main>\n</body>\n</html>\n"
    )


def default_organisation_file() -> Path | None:
    configured = os.environ.get("ANHORIGGUIDEN_ORGANISATION")
    if configured:
        return Path(configured)
    candidate = REPO / "organisation.yml"
    return candidate if candidate.is_file() else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=Path, default=REPO / "docs")
    parser.add_argument("--data", type=Path, default=REPO / "data")
    parser.add_argument("--organisation", type=Path, default=None, help="the organisation file (default: $ANHORIGGUIDEN_ORGANISATION, else organisation.yml)")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(), help="YYYY-MM-DD")
    parser.add_argument("--html", type=Path, default=None, help="also write the report as an HTML page here")
    args = parser.parse_args(argv)
    try:
        months, findings = report(docs=args.docs, data=args.data, organisation_file=args.organisation or default_organisation_file(), today=args.today)
    except ReportError as error:
        print(f"review: {error}", file=sys.stderr)
        return 2
    print(as_table(findings, months, args.today))
    if args.html:
        args.html.parent.mkdir(parents=True, exist_ok=True)
        args.html.write_text(as_html(findings, months, args.today), encoding="utf-8")
        print(f"\nWritten for the editors: {args.html}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
