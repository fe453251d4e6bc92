"""Issuing and dispatching through the API need a token made after two-factor sign-in
(accounts.ApiTokenOrigin); tokens from `manage.py api_token` still read and draft."""

import io
import re

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from cica_docs.circulation.models import CirculationList
from cica_docs.documents import services
from cica_docs.documents.models import Document
from tests.conftest import attach_second_factor, reauthenticate
from tests.factories import approved_note

from .conftest import token_client

pytestmark = [pytest.mark.django_db, pytest.mark.two_factor]


def with_key(key) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_a_command_token_reads_but_may_not_issue_or_dispatch(drafter, reviewer, registrar):
    out = io.StringIO()
    call_command("api_token", "registrar", stdout=out)
    client = with_key(out.getvalue().strip())
    note = approved_note(drafter, reviewer)
    assert client.get(f"/api/v1/notes/{note.pk}/").status_code == 200
    refused = client.post(f"/api/v1/notes/{note.pk}/issue/", {}, format="json")
    assert refused.status_code == 403
    assert refused.json()["code"] == "two_factor_required"
    assert "two-factor" in refused.json()["detail"]
    assert Document.objects.get(pk=note.pk).state == "approved"
    services.document_issue(document=note, by=registrar)
    default = CirculationList.objects.get(is_default=True)
    dispatch = client.post(f"/api/v1/notes/{note.pk}/dispatch/",
                           {"circulation_list": default.pk}, format="json")
    assert dispatch.status_code == 403 and dispatch.json()["code"] == "two_factor_required"
    assert not note.dispatches.exists()


def test_a_token_made_on_the_account_page_after_two_factor_sign_in_issues(
        client, drafter, reviewer, registrar):
    client.force_login(registrar)
    attach_second_factor(client, registrar)
    reauthenticate(client)
    page = client.post("/en/accounts/security/api-token/")
    assert page.status_code == 200 and "may also issue and dispatch" in page.text
    key = re.search(r'id="api-token" lang="zxx">([0-9a-f]{40})<', page.text).group(1)
    note = approved_note(drafter, reviewer)
    issued = with_key(key).post(f"/api/v1/notes/{note.pk}/issue/", {}, format="json")
    assert issued.status_code == 200, issued.json()
    assert Document.objects.get(pk=note.pk).state == "issued"


def test_a_token_made_without_a_second_factor_is_marked_so(client, drafter, reviewer):
    client.force_login(drafter)
    reauthenticate(client)
    page = client.post("/en/accounts/security/api-token/")
    assert "cannot issue or dispatch" in page.text
    assert not drafter.auth_token.origin.two_factor


def test_a_pre_two_factor_token_is_refused_and_a_post_two_factor_one_accepted(
        drafter, reviewer, registrar):
    note = approved_note(drafter, reviewer)
    before = token_client(registrar, two_factor=False)
    assert before.post(f"/api/v1/notes/{note.pk}/issue/", {}, format="json").status_code == 403
    after = token_client(registrar, two_factor=True)
    assert after.post(f"/api/v1/notes/{note.pk}/issue/", {}, format="json").status_code == 200
