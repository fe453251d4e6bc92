"""The PDF engine knows nothing of documents: no module of cica_docs/rendering imports the
documents' side (documents, issuing, circulation, the API, a kind's app) — it turns HTML
parts into PDFs, and cica_docs.issuing applies it to documents."""

import ast
from pathlib import Path

from django.conf import settings

ENGINE = Path(settings.BASE_DIR, "cica_docs", "rendering")
# What the engine may use of the platform: itself, typesetting, the audit log (a stored
# file that fails its SHA-256 is a security event), and what storage errors look like on
# every backend.
ALLOWED = ("cica_docs.rendering", "cica_docs.typography", "cica_docs.audit",
           "cica_docs.storage")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append(node.module)
    return found


def test_the_rendering_engine_imports_nothing_of_documents_or_kinds():
    first_party = {path.parent.name for path in Path(settings.BASE_DIR).glob("*/__init__.py")}
    modules = [path for path in ENGINE.rglob("*.py") if "migrations" not in path.parts]
    assert len(modules) > 10
    wrong = [
        f"{path.relative_to(ENGINE)}: {name}"
        for path in modules for name in _imports(path)
        if name.split(".")[0] in first_party
        and not any(name == allowed or name.startswith(f"{allowed}.") for allowed in ALLOWED)
    ]
    assert wrong == []
