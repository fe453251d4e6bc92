from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import two_factor_views, views
from .password_reset import QueuedPasswordResetForm

app_name = "accounts"

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("no-role/", views.no_role, name="no-role"),
    path("two-factor/", two_factor_views.verify, name="two-factor"),
    path("two-factor/set-up/", two_factor_views.enrol, name="two-factor-enrol"),
    path("two-factor/reset/", two_factor_views.reset, name="two-factor-reset"),
    path("security/", two_factor_views.security, name="security"),
    path("security/recovery-codes/", two_factor_views.recovery_codes,
         name="two-factor-recovery-codes"),
    path("security/remove/", two_factor_views.remove, name="two-factor-remove"),
    path("security/api-token/", two_factor_views.api_token, name="api-token"),
    path(
        "password/change/",
        auth_views.PasswordChangeView.as_view(
            success_url=reverse_lazy("accounts:password-change-done")
        ),
        name="password-change",
    ),
    path(
        "password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password-change-done",
    ),
    path(
        "password/reset/",
        # The e-mail goes through the task queue: the answer takes as long for an unknown
        # address as for a known one.
        auth_views.PasswordResetView.as_view(
            success_url=reverse_lazy("accounts:password-reset-done"),
            form_class=QueuedPasswordResetForm,
        ),
        name="password-reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password-reset-done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            success_url=reverse_lazy("accounts:password-reset-complete")
        ),
        name="password-reset-confirm",
    ),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password-reset-complete",
    ),
]
