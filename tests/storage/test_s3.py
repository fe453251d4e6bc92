"""Stored files on S3-compatible storage (STORAGE_URL), against a real moto server: an
issued note rendered into the bucket and downloaded through the app, an uploaded
enclosure, the health probe, and the configuration's refusals."""

import datetime
import hashlib
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from cica_docs.documents import services
from cica_docs.health.models import WorkerHeartbeat
from cica_docs.issuing.models import RenderedFile
from cica_docs.settings import _s3_storage
from tests.api.conftest import token_client
from tests.factories import approved_note, upload_file

from .conftest import objects_in

pytestmark = pytest.mark.django_db


def _download(client, url) -> tuple[int, bytes, dict]:
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, body, dict(response.headers)


def test_an_issued_note_is_rendered_into_the_bucket_and_served_by_the_app_only(
    s3_bucket, s3_endpoint, drafter, reviewer, registrar, settings,
    django_capture_on_commit_callbacks,
):
    s3, bucket = s3_bucket
    note = approved_note(drafter, reviewer, languages=("en",))
    with django_capture_on_commit_callbacks(execute=True):
        services.document_issue(document=note, by=registrar,
                                issued_on=datetime.date(2024, 3, 6),
                                backdating_reason="The reference note's date.")
    stored = RenderedFile.objects.get(document=note, variant="en")
    objects = objects_in(s3, bucket)
    assert f"media/{stored.file.name}" in objects
    assert hashlib.sha256(objects[f"media/{stored.file.name}"]).hexdigest() == stored.sha256
    assert not Path(settings.MEDIA_ROOT).exists()  # nothing on the local disk

    status, body, headers = _download(token_client(registrar),
                                      f"/api/v1/notes/{note.pk}/pdf/?lang=en")
    assert status == 200 and headers["Content-Type"] == "application/pdf"
    assert hashlib.sha256(body).hexdigest() == stored.sha256
    # Served by the app, not a redirect to the bucket: no address of it anywhere.
    assert not any(s3_endpoint in v or bucket in v for v in headers.values())

    # The object gone from the bucket (a node pointed at the wrong bucket, a fault): the
    # download is refused with the JSON message, never a 500.
    s3.delete_object(Bucket=bucket, Key=f"media/{stored.file.name}")
    status, body, headers = _download(token_client(registrar),
                                      f"/api/v1/notes/{note.pk}/pdf/?lang=en")
    assert status == 409 and headers["Content-Type"].startswith("application/json")


def test_an_uploaded_enclosure_goes_to_the_bucket_and_comes_back_through_the_api(
    s3_bucket, drafter
):
    s3, bucket = s3_bucket
    enclosed = upload_file(drafter)
    objects = objects_in(s3, bucket)
    assert hashlib.sha256(objects[f"media/{enclosed.file.name}"]).hexdigest() == enclosed.sha256
    status, body, _headers = _download(token_client(drafter),
                                       f"/api/v1/files/{enclosed.pk}/pdf/")
    assert status == 200 and hashlib.sha256(body).hexdigest() == enclosed.sha256


def test_an_unreachable_bucket_refuses_an_upload_with_a_message_and_saves_nothing(
    s3_bucket, drafter, settings, monkeypatch
):
    from cica_docs.documents.models import EnclosedFile
    from cica_docs.documents.uploads import UploadRefused

    monkeypatch.setenv("STORAGE_URL", "s3://gone?endpoint_url=http://127.0.0.1:1&region=us-east-1")
    settings.STORAGES = {**settings.STORAGES, "default": _s3_storage()}
    with pytest.raises(UploadRefused, match="could not be stored"):
        upload_file(drafter)
    assert not EnclosedFile.objects.exists()


def test_the_health_probe_writes_reads_and_deletes_in_the_bucket(s3_bucket, client, settings,
                                                                 monkeypatch):
    from django.utils import timezone

    s3, bucket = s3_bucket
    WorkerHeartbeat.objects.create(worker="test:1", seen_at=timezone.now())
    response = client.get("/healthz")
    assert response.status_code == 200, response.json()
    assert objects_in(s3, bucket) == {}
    monkeypatch.setenv("STORAGE_URL", "s3://gone?endpoint_url=http://127.0.0.1:1&region=us-east-1")
    settings.STORAGES = {**settings.STORAGES, "default": _s3_storage()}
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json()["down"] == ["storage"]


@pytest.mark.parametrize("env, expected", [
    ({}, None),
    ({"STORAGE_URL": "file:"}, None),
    ({"STORAGE_URL": "s3://docs?endpoint_url=http://10.0.0.5:9000&region=kz-1&prefix=/cica/"},
     {"bucket_name": "docs", "endpoint_url": "http://10.0.0.5:9000", "region_name": "kz-1",
      "location": "cica"}),
    ({"AWS_STORAGE_BUCKET_NAME": "docs", "AWS_S3_REGION_NAME": "eu-central-1"},
     {"bucket_name": "docs", "region_name": "eu-central-1", "location": ""}),
])
def test_storage_url_and_aws_variables_select_private_s3(monkeypatch, env, expected):
    for name in ("STORAGE_URL", "AWS_STORAGE_BUCKET_NAME", "AWS_S3_REGION_NAME",
                 "AWS_DEFAULT_REGION", "AWS_S3_ENDPOINT_URL", "AWS_LOCATION"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    chosen = _s3_storage()
    if expected is None:
        assert chosen is None
        return
    assert chosen["BACKEND"] == "storages.backends.s3.S3Storage"
    options = chosen["OPTIONS"]
    assert {k: options[k] for k in expected} == expected
    assert options["default_acl"] is None and options["file_overwrite"] is False


@pytest.mark.parametrize("url", ["s3://", "gs://docs", "s3://docs?acl=public-read"])
def test_a_wrong_storage_url_stops_the_start_with_its_reason(monkeypatch, url):
    monkeypatch.setenv("STORAGE_URL", url)
    with pytest.raises(ImproperlyConfigured, match="STORAGE_URL must look like"):
        _s3_storage()
