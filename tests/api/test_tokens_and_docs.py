"""API tokens (command, revocation) and the documentation pages."""

import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def _client_with(key):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_the_token_command_prints_the_same_key_each_time_and_the_key_works(drafter, capsys):
    call_command("api_token", "drafter")
    key = capsys.readouterr().out.strip()
    call_command("api_token", "drafter")
    assert capsys.readouterr().out.strip() == key
    assert _client_with(key).get("/api/v1/notes/").status_code == 200


def test_the_token_command_refuses_an_unknown_user():
    with pytest.raises(CommandError):
        call_command("api_token", "nobody")


def test_an_admin_revokes_a_key_in_django_admin_and_it_stops_working(drafter, admin_user):
    token = Token.objects.create(user=drafter)
    admin = APIClient()
    admin.force_login(admin_user)
    page = admin.get(f"/en/admin/authtoken/tokenproxy/{drafter.pk}/delete/")
    assert page.status_code == 200
    admin.post(f"/en/admin/authtoken/tokenproxy/{drafter.pk}/delete/", {"post": "yes"})
    assert not Token.objects.filter(key=token.key).exists()
    assert _client_with(token.key).get("/api/v1/notes/").status_code == 401


def test_a_deactivated_user_s_token_no_longer_works(drafter):
    token = Token.objects.create(user=drafter)
    drafter.is_active = False
    drafter.save()
    assert _client_with(token.key).get("/api/v1/notes/").status_code == 401


def test_the_schema_is_openapi_3_and_describes_the_notes(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/notes/{id}/issue/" in schema["paths"]
    translated = schema["components"]["schemas"]["Note"]["properties"]["opening"]
    assert set(translated["properties"]) == {"en", "ru", "kk"}


def test_the_docs_page_loads_only_local_scripts_under_the_site_csp(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>" not in html and "<style>" not in html
    scripts = re.findall(r'<script src="([^"]+)"', html)
    assert scripts and all(src.startswith("/static/") for src in scripts)
    assert "/static/api/docs.js" in scripts
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    for src in scripts:
        assert client.get(src).status_code == 200
