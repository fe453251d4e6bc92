import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from cica_docs.accounts.models import User
from cica_docs.circulation.models import MemberState

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.django_db


def test_root_redirects_to_the_language_prefixed_login(client):
    response = client.get("/", follow=True)
    assert response.redirect_chain[-1][0] == "/en/accounts/login/"


@pytest.mark.parametrize(
    ("language", "heading"),
    [("en", "Log in to CICA Docs"), ("ru", "Вход в CICA Docs"), ("kk", "CICA Docs жүйесіне кіру")],
)
def test_login_page_is_in_the_language_of_its_prefix(client, language, heading):
    response = client.get(f"/{language}/accounts/login/")
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.text
    assert heading in response.text


def test_browser_language_chooses_the_prefix(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="kk-KZ,kk;q=0.9,ru;q=0.8")
    assert response["Location"] == "/kk/"


def test_an_enormous_accept_language_header_is_harmless(client):
    header = ",".join(f"x{i}-yy;q=0.{i % 9}" for i in range(20000))
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=header, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == "/en/accounts/login/"


@pytest.mark.parametrize("path", ["/xx/accounts/login/", "/zz-top/", "/%ff%fe/", "/en/nowhere/"])
def test_unknown_paths_and_language_prefixes_get_a_clear_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Page not found" in response.text


def test_language_switcher_keeps_the_current_page(client, drafter):
    client.force_login(drafter)
    response = client.post(
        "/i18n/setlang/", {"language": "kk", "next": "/en/accounts/password/change/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/kk/accounts/password/change/"


def test_pages_carry_a_content_security_policy_without_inline_script(client):
    response = client.get("/en/accounts/login/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "<script>" not in response.text


def test_member_states_sort_by_the_alphabet_of_each_language():
    states = MemberState.objects.all()
    assert states.count() == 28
    kk = [s.name_kk for s in states.sorted("kk")]
    ru = [s.name_ru for s in states.sorted("ru")]
    # Kazakh puts Ә right after А and Қ after К; Russian has neither letter.
    assert kk.index("Әзербайжан") == kk.index("Ауғанстан") + 1
    assert kk.index("Қазақстан") > kk.index("Кувейт")
    assert ru[:3] == ["Азербайджан", "Афганистан", "Бангладеш"]
    assert [s.name_en for s in states.sorted("en")][-2:] == ["Uzbekistan", "Viet Nam"]


def test_demo_is_idempotent_and_refuses_production(settings):
    settings.DEMO = True
    call_command("demo")
    call_command("demo")
    assert User.objects.filter(username__in=["drafter", "delegate.kz", "delegate.in"]).count() == 3
    kz = User.objects.get(username="delegate.kz")
    assert kz.member_state.code == "KAZ" and kz.is_delegate
    assert kz.check_password(settings.CICA_DEMO_PASSWORD)
    settings.DEMO = False
    with pytest.raises(CommandError):
        call_command("demo")


def _manage(*args, **env):
    base = {"PATH": "/usr/bin:/bin", "HOME": str(ROOT)}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT, env={**base, **env}, capture_output=True, text=True, timeout=120,
    )


def test_without_secret_key_one_is_generated_once_into_var_and_kept(tmp_path):
    show = "from django.conf import settings; print(settings.SECRET_KEY, settings.DEBUG)"
    first = _manage("shell", "-v", "0", "-c", show, VAR_DIR=str(tmp_path))
    assert first.returncode == 0, first.stderr
    again = _manage("shell", "-v", "0", "-c", show, VAR_DIR=str(tmp_path))
    key, debug = first.stdout.split()
    assert debug == "False" and len(key) >= 50 and again.stdout == first.stdout
    assert (tmp_path / "secret_key").read_text().strip() == key
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600
    (tmp_path / "secret_key").write_text("short\n")
    broken = _manage("shell", "-v", "0", "-c", show, VAR_DIR=str(tmp_path))
    assert broken.returncode != 0 and "holds no usable secret key" in broken.stderr


def test_plain_http_unless_the_https_switch_is_on(client, settings):
    response = client.get("/en/accounts/login/")
    assert response.status_code == 200 and "Strict-Transport-Security" not in response
    result = _manage(
        "shell", "-v", "0", "-c", "from django.conf import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0)",
        SECRET_KEY="x" * 60, HTTPS="1",
    )
    assert result.stdout.split() == ["True", "True", "True"], result.stderr


def test_check_deploy_is_silent_under_production_settings():
    result = _manage(
        "check", "--deploy", "--fail-level", "DEBUG",
        SECRET_KEY="k3y-" + "s" * 60, ALLOWED_HOSTS="docs.s-cica.org", HTTPS="1",
        SEAL_PKCS12="/etc/cica-docs/seal.p12",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_warns_when_issued_files_would_not_be_sealed():
    result = _manage(
        "check", "--deploy", "--fail-level", "ERROR",
        SECRET_KEY="k3y-" + "s" * 60, ALLOWED_HOSTS="docs.s-cica.org", HTTPS="1",
        SEAL_PKCS12="",
    )
    assert "seal.W001" in result.stdout + result.stderr


def test_bad_boolean_in_the_environment_fails_loudly():
    result = _manage("check", DEBUG="perhaps")
    assert result.returncode != 0 and "DEBUG must be a boolean" in result.stderr
