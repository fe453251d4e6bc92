from django.urls import include, path

from cica_docs.audit import views as audit_views
from cica_docs.documents import views_series
from cica_docs.documents.kinds import kinds
from cica_docs.letterhead import views as reference

from . import delegates, lists, staff, states

app_name = "manage"

urlpatterns = [
    path("states/", states.state_list, name="states"),
    path("states/add/", states.state_add, name="state-add"),
    path("states/<int:pk>/", states.state_edit, name="state-edit"),
    path("delegates/", delegates.delegate_list, name="delegates"),
    path("delegates/add/", delegates.delegate_add, name="delegate-add"),
    path("delegates/<int:pk>/deactivate/", delegates.delegate_deactivate,
         name="delegate-deactivate"),
    path("delegates/<int:pk>/reactivate/", delegates.delegate_reactivate,
         name="delegate-reactivate"),
    path("delegates/<int:pk>/invite/", delegates.delegate_invite, name="delegate-invite"),
    path("staff/", staff.staff_list, name="staff"),
    path("staff/add/", staff.staff_add, name="staff-add"),
    path("staff/<int:pk>/", staff.staff_edit, name="staff-edit"),
    path("staff/<int:pk>/deactivate/", staff.staff_deactivate, name="staff-deactivate"),
    path("staff/<int:pk>/reactivate/", staff.staff_reactivate, name="staff-reactivate"),
    path("staff/<int:pk>/invite/", staff.staff_invite, name="staff-invite"),
    path("lists/", lists.list_index, name="lists"),
    path("lists/add/", lists.list_add, name="list-add"),
    path("lists/<int:pk>/", lists.list_edit, name="list-edit"),
    path("lists/<int:pk>/delete/", lists.list_delete, name="list-delete"),
    path("series/", views_series.series_index, name="series"),
    path("audit/", audit_views.audit_log, name="audit"),
    path("series/<int:pk>/skip/", views_series.series_skip, name="series-skip"),
    path("series/add/", views_series.series_add, name="series-add"),
    path("series/<int:pk>/", views_series.series_edit, name="series-edit"),
    path("reference/", reference.reference_index, name="reference"),
    path("reference/addressees/", reference.addressee_list, name="addressees"),
    path("reference/addressees/add/", reference.addressee_add, name="addressee-add"),
    path("reference/addressees/<int:pk>/", reference.addressee_edit, name="addressee-edit"),
    path("reference/addressees/preview/", reference.addressee_preview,
         name="addressee-preview"),
    path("reference/letterhead/", reference.letterhead_edit, name="letterhead"),
    path("reference/letterhead/preview/", reference.letterhead_preview,
         name="letterhead-preview"),
    # Each kind's own reference data (the note's formulas): kind.reference_urls().
    *[path(f"reference/{kind.key}/", include((kind.reference_urls(), f"{kind.key}-reference")))
      for kind in kinds() if kind.reference_urls()],
]
