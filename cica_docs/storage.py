"""What a failure of the stored-files storage looks like, whichever backend is configured.

A local disk raises OSError; the S3 backend (django-storages on boto3) raises botocore's
errors as well — the endpoint unreachable, credentials refused, a 5xx. Code that stores or
reads a file catches STORAGE_ERRORS so that a storage outage becomes the same clear message
on every backend, never a 500.
"""

try:
    from botocore.exceptions import BotoCoreError, ClientError
except ImportError:  # botocore is installed with the S3 backend only
    STORAGE_ERRORS: tuple[type[BaseException], ...] = (OSError,)
else:
    STORAGE_ERRORS = (OSError, BotoCoreError, ClientError)
