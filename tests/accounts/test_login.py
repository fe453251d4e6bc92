import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def login(client, username, password, language="en"):
    with translation.override(language):
        url = reverse("accounts:login")
    return client.post(url, {"username": username, "password": password}, follow=True)


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_staff_land_on_their_work_queues_in_each_language(client, drafter, password, language):
    response = login(client, "drafter", password, language)
    assert response.redirect_chain[-1][0] == f"/{language}/my-work/"
    assert response.context["LANGUAGE_CODE"] == language


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_delegates_land_on_their_inbox(client, delegate_kz, password, language):
    response = login(client, "delegate.kz", password, language)
    assert response.redirect_chain[-1][0] == f"/{language}/portal/"
    with translation.override(language):
        assert delegate_kz.member_state.name in response.text
        assert delegate_kz.member_state.name_kk == "Қазақстан"


def test_a_person_without_a_role_is_told_so(client, outsider, password):
    response = login(client, "outsider", password)
    assert response.redirect_chain[-1][0] == "/en/accounts/no-role/"
    assert "Your account has no role yet" in response.text


def test_wrong_password_and_unknown_user_get_the_same_clear_answer(client, drafter):
    wrong = login(client, "drafter", "not-the-password")
    unknown = login(client, "nobody-of-that-name", "not-the-password")
    assert wrong.status_code == unknown.status_code == 200
    message = "Please enter a correct username and password."
    assert message in wrong.text and message in unknown.text
    assert not wrong.wsgi_request.user.is_authenticated


def test_the_login_error_is_translated(client, drafter):
    response = login(client, "drafter", "not-the-password", "ru")
    assert "Пожалуйста, введите правильные имя пользователя и пароль." in response.text


def test_repeated_failures_lock_out_that_username_from_that_address(client, drafter, password):
    for _ in range(5):
        login(client, "drafter", "wrong-password")
    response = login(client, "drafter", password)
    assert response.status_code == 429
    assert "Too many failed attempts" in response.text
    # Another address is not locked out: a guesser cannot lock out a whole delegation.
    other = client.post(
        reverse("accounts:login"),
        {"username": "drafter", "password": password},
        REMOTE_ADDR="10.9.8.7",
    )
    assert other.status_code == 302


def test_logout_is_a_post_and_ends_the_session(client, drafter, password):
    login(client, "drafter", password)
    response = client.post(reverse("accounts:logout"), follow=True)
    assert response.redirect_chain[-1][0] == "/en/accounts/login/"
    assert client.get(reverse("documents:worklist")).status_code == 302


def test_password_change(client, drafter, password):
    login(client, "drafter", password)
    response = client.post(
        reverse("accounts:password-change"),
        {
            "old_password": password,
            "new_password1": "a-much-longer-passphrase-2026",
            "new_password2": "a-much-longer-passphrase-2026",
        },
        follow=True,
    )
    assert "Your password has been changed." in response.text
    drafter.refresh_from_db()
    assert drafter.check_password("a-much-longer-passphrase-2026")


def test_password_reset_by_email_in_the_interface_language(client, delegate_kz):
    with translation.override("kk"):
        url = reverse("accounts:password-reset")
    response = client.post(url, {"email": delegate_kz.email}, follow=True)
    assert response.status_code == 200
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [delegate_kz.email]
    assert "/kk/accounts/password/reset/" in message.body
    link = next(line for line in message.body.splitlines() if "/password/reset/" in line)
    path = link.split("testserver", 1)[1]
    form = client.get(path, follow=True)
    assert form.status_code == 200 and form.context["validlink"]
    done = client.post(
        form.redirect_chain[-1][0] if form.redirect_chain else path,
        {"new_password1": "new-kazakh-passphrase-1", "new_password2": "new-kazakh-passphrase-1"},
        follow=True,
    )
    assert done.redirect_chain[-1][0] == "/kk/accounts/password/reset/complete/"
    delegate_kz.refresh_from_db()
    assert delegate_kz.check_password("new-kazakh-passphrase-1")


def test_the_reset_request_queues_the_same_task_for_a_known_and_an_unknown_address(
    client, delegate_kz, settings
):
    """Nothing is looked up or sent inside the request, so its timing tells nothing: the
    worker sends the link, and only to the real account."""
    from django.utils.module_loading import import_string
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    known = client.post("/kk/accounts/password/reset/", {"email": delegate_kz.email})
    unknown = client.post("/kk/accounts/password/reset/", {"email": "nobody@example.org"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert mail.outbox == []
    queued = list(DBTaskResult.objects.order_by("enqueued_at", "id"))
    assert [task.task_path for task in queued] == [
        "cica_docs.accounts.tasks.send_password_reset"] * 2
    assert [task.args_kwargs["kwargs"] for task in queued] == [
        {"email": email, "language": "kk", "domain": "testserver", "use_https": False}
        for email in (delegate_kz.email, "nobody@example.org")
    ]

    for task in queued:  # what the worker does with each
        import_string(task.task_path).call(**task.args_kwargs["kwargs"])
    assert [message.to for message in mail.outbox] == [[delegate_kz.email]]
    assert "/kk/accounts/password/reset/" in mail.outbox[0].body


def test_password_reset_for_an_unknown_address_looks_the_same(client):
    response = client.post(
        "/en/accounts/password/reset/", {"email": "nobody@example.org"}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/en/accounts/password/reset/sent/"
    assert mail.outbox == []
