"""A real S3-compatible server (moto's server mode) on a free loopback port, one per test
session, and a bucket of each test's own behind the app's default storage."""

import uuid

import pytest

from cica_docs.settings import _s3_storage
from tests.servers import start_moto, stop


@pytest.fixture(scope="session")
def s3_endpoint():
    process, endpoint = start_moto()
    yield endpoint
    stop(process)


@pytest.fixture
def s3_bucket(s3_endpoint, settings, monkeypatch):
    """A fresh private bucket, selected through STORAGE_URL as a deployment would."""
    import boto3

    for name, value in (("AWS_ACCESS_KEY_ID", "testing"), ("AWS_SECRET_ACCESS_KEY", "testing")):
        monkeypatch.setenv(name, value)
    bucket = f"cica-{uuid.uuid4().hex[:12]}"
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1")
    client.create_bucket(Bucket=bucket)
    monkeypatch.setenv("STORAGE_URL",
                       f"s3://{bucket}?endpoint_url={s3_endpoint}&region=us-east-1&prefix=media")
    settings.STORAGES = {**settings.STORAGES, "default": _s3_storage()}
    yield client, bucket


def objects_in(client, bucket) -> dict[str, bytes]:
    listed = client.list_objects_v2(Bucket=bucket).get("Contents", [])
    return {o["Key"]: client.get_object(Bucket=bucket, Key=o["Key"])["Body"].read()
            for o in listed}
