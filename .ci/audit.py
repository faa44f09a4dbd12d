"""Dependency audit (`make audit`, run by .ci/run): pip-audit over the installed environment.

Fails on any known vulnerability not listed, with its reason, in .ci/audit-ignore.txt. pip-audit
reports "No known vulnerabilities found" even when it could not look a single package up (its
vulnerability service unreachable), so this script counts what was really audited and says so;
AUDIT_STRICT=1 makes an incomplete audit fail too.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

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


def main() -> int:
    ignores = ignored_ids()
    report = run_pip_audit(ignores)
    dependencies = [d for d in report["dependencies"] if d["name"] not in OWN_PACKAGES]
    skipped = [d for d in dependencies if "skip_reason" in d]
    audited = len(dependencies) - len(skipped)
    found = [(d, v) for d in dependencies for v in d.get("vulns", [])]
    for dependency, vuln in found:
        fixes = ", ".join(vuln.get("fix_versions") or []) or "ingen rättad version ännu"
        print(f"SÅRBARHET {dependency['name']} {dependency['version']}: {vuln['id']} ({fixes})")
    for vuln_id, reason in ignores.items():
        print(f"Undantagen: {vuln_id}: {reason}")
    print(
        f"pip-audit: {audited} av {len(dependencies)} paket granskade, "
        f"{len(found)} kända sårbarheter, {len(ignores)} undantag."
    )
    if skipped:
        print(
            f"VARNING: {len(skipped)} paket kunde inte granskas (sårbarhetstjänsten svarade inte "
            f"för dem), t.ex. {skipped[0]['skip_reason']}"
        )
    if found:
        return 1
    if skipped and os.environ.get("AUDIT_STRICT") == "1":
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
