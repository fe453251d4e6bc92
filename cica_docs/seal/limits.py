"""What a verification request may send and how often: the file is read into memory only
(never written to disk), up to VERIFY_MAX_BYTES, and one address may ask
VERIFY_RATE_PER_MINUTE times a minute (counted in the cache, shared by every web node
where the cache is Redis)."""

import time

from django.conf import settings
from django.core.cache import cache
from django.core.files.uploadhandler import MemoryFileUploadHandler, StopUpload

from cica_docs.audit.log import client_ip


class InMemoryUpload(MemoryFileUploadHandler):
    """Keeps the upload in memory whatever its size up to VERIFY_MAX_BYTES; a larger body
    is refused before it is read."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        if content_length > settings.VERIFY_MAX_BYTES:
            raise StopUpload(connection_reset=False)
        self.activated = True

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.activated = True

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > settings.VERIFY_MAX_BYTES:
            raise StopUpload(connection_reset=False)
        return super().receive_data_chunk(raw_data, start)


def use_memory_only(request) -> None:
    request.upload_handlers = [InMemoryUpload(request)]


def allowed(request) -> bool:
    """Count this request against its address's allowance for the current minute."""
    minute = int(time.time() // 60)
    key = f"seal:verify:{client_ip(request) or 'unknown'}:{minute}"
    cache.add(key, 0, timeout=90)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=90)
        count = 1
    return count <= settings.VERIFY_RATE_PER_MINUTE
