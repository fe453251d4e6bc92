from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from cica_docs.accounts import views as account_views
from cica_docs.accounts.language import set_language
from cica_docs.health.views import healthz
from cica_docs.register import views as register_views

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("api/v1/", include("cica_docs.api.urls")),
]

urlpatterns += i18n_patterns(
    path("", account_views.home, name="home"),
    path("accounts/", include("cica_docs.accounts.urls")),
    path("work/", include("cica_docs.documents.urls")),
    path("work/", include("cica_docs.xliff.urls")),
    path("workbench/", include("cica_docs.workbench.urls")),
    path("portal/", include("cica_docs.circulation.portal.urls")),
    path("circulation/", include("cica_docs.circulation.staff.urls")),
    path("manage/", include("cica_docs.circulation.manage.urls")),
    path("manage/terms/", include("cica_docs.termbase.urls")),
    path("verify/", include("cica_docs.seal.urls")),
    path("register/", include("cica_docs.register.urls")),
    path("meetings/", include("cica_docs.meetings.urls")),
    path("my-work/", register_views.my_work, name="my-work"),
    path("notifications/", register_views.notification_list, name="notifications"),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)
