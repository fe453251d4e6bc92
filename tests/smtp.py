"""A real SMTP server on loopback for tests that send e-mail.

    def test_something(smtp_server):
        ...                                   # code that sends mail through MAILERS
        message = smtp_server.messages[0]     # email.message.EmailMessage, as received
        assert message["To"] == "x@example.org"
        smtp_server.envelopes[0].rcpt_tos     # the SMTP envelope, if needed

The fixture starts aiosmtpd on 127.0.0.1 on a free port and points settings.MAILERS
"default" at it through Django's SMTP backend; `smtp_server.stop()` simulates a mail server
that is down (connections are then refused).
"""

import email
import email.policy
import socket
from dataclasses import dataclass, field

import pytest
from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class CapturingHandler:
    envelopes: list = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


@dataclass
class SMTPServer:
    host: str
    port: int
    controller: Controller
    handler: CapturingHandler
    running: bool = True

    @property
    def envelopes(self) -> list:
        return self.handler.envelopes

    @property
    def messages(self) -> list[email.message.EmailMessage]:
        return [
            email.message_from_bytes(envelope.original_content, policy=email.policy.default)
            for envelope in self.handler.envelopes
        ]

    def stop(self) -> None:
        if self.running:
            self.controller.stop()
            self.running = False


@pytest.fixture
def smtp_server(settings):
    handler = CapturingHandler()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 5},
        }
    }
    server = SMTPServer(host="127.0.0.1", port=port, controller=controller, handler=handler)
    yield server
    server.stop()
