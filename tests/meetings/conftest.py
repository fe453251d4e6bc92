from tests.circulation.conftest import dispatch_to, issue  # noqa: F401
