"""The two lock files: the runtime one is the development one less the development group,
at the same versions (both compiled from pyproject.toml, see the README's Dependencies)."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9_.-]+)==(\S+)", re.MULTILINE)


def _pins(name):
    return dict(PIN.findall((ROOT / name).read_text()))


def _name(requirement):
    return re.split(r"[<>=!~\[ ;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_the_runtime_lock_is_the_development_lock_without_the_test_stack():
    runtime, development = _pins("requirements-runtime.lock"), _pins("requirements.lock")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    declared = {_name(each) for each in project["project"]["dependencies"]}
    dev_only = {_name(each) for each in project["dependency-groups"]["dev"]}
    assert declared <= set(runtime), "a runtime dependency is missing: recompile the lock"
    assert not dev_only & set(runtime)
    assert not {"playwright", "pytest", "ruff"} & set(runtime)
    assert {name: development.get(name) for name in runtime} == runtime
