"""The circulation tests' `issue` fixture."""

from tests.circulation.conftest import issue  # noqa: F401
