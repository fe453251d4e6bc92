"""The circulation tests' `issue` fixture: an issued note, rendered when asked."""

from tests.circulation.conftest import issue  # noqa: F401
