"""Dependency audit (`make audit`, run by .ci/run): pip-audit over the installed environment.

Fails on any known vulnerability not listed, with its reason, in .ci/audit-ignore.txt. pip-audit
reports "No known vulnerabilities found" even when it could not look a single package up (its
vulnerability service unreachable), so this script counts what was really audited and says so;
AUDIT_STRICT=1 makes an incomplete audit fail too.

Where pip-audit's per-version lookup is refused (some mirrors serve PyPI's project JSON but not
its per-version JSON), a package whose installed version is its newest release is checked against
the project JSON's `vulnerabilities` list, which PyPI keeps for the newest release. Older
versions stay unaudited and are named.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from importlib import metadata
from pathlib import Path

from packaging.version import InvalidVersion, Version

HERE = Path(__file__).resolve().parent
IGNORE_FILE = HERE / "audit-ignore.txt"
OWN_PACKAGES = {"syvsite"}  # this project itself: not on PyPI, nothing to audit


def ignored_ids() -> dict[str, str]:
    """`ID  reason` per line; '#' starts a comment. Every ignore must say why."""
    ignores = {}
    for line in IGNORE_FILE.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        vuln_id, _, reason = line.partition(" ")
        if not reason.strip():
            sys.exit(f"{IGNORE_FILE.name}: {vuln_id} saknar motivering")
        ignores[vuln_id] = reason.strip()
    return ignores


def run_pip_audit(ignores: dict[str, str]) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "audit.json"
        command = [sys.executable, "-m", "pip_audit", "--progress-spinner", "off"]
        command += ["--format", "json", "--output", str(report)]
        for vuln_id in ignores:
            command += ["--ignore-vuln", vuln_id]
        subprocess.run(command, check=False)  # noqa: S603 - our own interpreter and arguments
        if not report.exists():
            sys.exit("pip-audit gav ingen rapport")
        return json.loads(report.read_text(encoding="utf-8"))


def _project_json(name: str) -> dict | None:
    url = f"https://pypi.org/pypi/{name}/json"
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - fixed https host
            return json.load(response)
    except (OSError, ValueError):
        return None


def _newest_in_series(installed: str, project: dict | None) -> str:
    """The newest final release with the installed version's major.minor (a pinned LTS, say)."""
    series = Version(installed).release[:2]
    releases = [Version(r) for r in (project or {}).get("releases", {}) if _is_version(r)]
    same = [r for r in releases if r.release[:2] == series and not r.is_prerelease]
    return str(max(same)) if same else "?"


def _is_version(text: str) -> bool:
    try:
        Version(text)
    except InvalidVersion:
        return False
    return True


def audit_newest_releases(skipped: list[dict], ignores: dict[str, str]) -> list[dict]:
    """Fill in `vulns` for skipped packages at their newest release; return those still unaudited."""
    with ThreadPoolExecutor(max_workers=8) as pool:
        projects = list(pool.map(_project_json, [d["name"] for d in skipped]))
    unaudited = []
    for dependency, project in zip(skipped, projects, strict=True):
        # pip-audit leaves the version out of a skipped entry; this interpreter is the audited one.
        dependency.setdefault("version", metadata.version(dependency["name"]))
        newest = (project or {}).get("info", {}).get("version")
        if newest != dependency["version"]:
            dependency["newest"] = newest or "?"
            dependency["series_newest"] = _newest_in_series(dependency["version"], project)
            unaudited.append(dependency)
            continue
        del dependency["skip_reason"]
        dependency["vulns"] = [
            {"id": vuln["id"], "fix_versions": vuln.get("fixed_in") or []}
            for vuln in project.get("vulnerabilities", [])
            if not vuln.get("withdrawn")
            and not {vuln["id"], *vuln.get("aliases", [])} & ignores.keys()
        ]
    return unaudited


def main() -> int:
    ignores = ignored_ids()
    report = run_pip_audit(ignores)
    dependencies = [d for d in report["dependencies"] if d["name"] not in OWN_PACKAGES]
    skipped = [d for d in dependencies if "skip_reason" in d]
    by_pip_audit = len(dependencies) - len(skipped)
    skip_reason = skipped[0]["skip_reason"] if skipped else ""
    skipped = audit_newest_releases(skipped, ignores) if skipped else []
    audited = len(dependencies) - len(skipped)
    found = [(d, v) for d in dependencies for v in d.get("vulns", [])]
    for dependency, vuln in found:
        fixes = ", ".join(vuln.get("fix_versions") or []) or "ingen rättad version ännu"
        print(f"SÅRBARHET {dependency['name']} {dependency['version']}: {vuln['id']} ({fixes})")
    for vuln_id, reason in ignores.items():
        print(f"Undantagen: {vuln_id}: {reason}")
    print(
        f"Beroendegranskning: {audited} av {len(dependencies)} paket granskade "
        f"({by_pip_audit} av pip-audit, {audited - by_pip_audit} mot PyPI:s projektdata för "
        f"senaste versionen), {len(found)} kända sårbarheter, {len(ignores)} undantag."
    )
    if skipped:
        names = ", ".join(
            f"{d['name']} {d['version']} (senaste {d['newest']}, i serien {d['series_newest']})"
            for d in skipped
        )
        print(
            f"VARNING: {len(skipped)} paket kunde inte granskas (sårbarhetstjänsten svarade inte "
            f"för dem: {skip_reason}): {names}"
        )
    if found:
        return 1
    if skipped and os.environ.get("AUDIT_STRICT") == "1":
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
