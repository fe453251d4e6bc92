"""The Secretariat's staff accounts, managed in the app's own pages (manage/staff/).

Reads: `staff_accounts`. Writes: keyword-only functions that check the acting user's
permission themselves (`accounts.add_user` / `accounts.change_user`, the administrators'),
own their transaction and leave an event in the audit log; pages only translate refusals.

Rules kept here, whoever calls:
- a staff account has no member state, and only roles from STAFF_ROLES: a delegate is
  never given a staff role here, nor a staff member a state (the delegates' pages do that);
- an administrator cannot take away their own administrator role nor deactivate themselves,
  and the last active administrator cannot lose the role;
- deactivation ends every session and API token at once (accounts/sessions.py);
- accounts that are only the superuser's (no staff role) stay in the Django admin.
"""

from functools import wraps

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from cica_docs.audit.log import record, security_event

from .invitations import invitation_send
from .roles import ADMIN, STAFF_ROLES
from .sessions import access_end_for

User = get_user_model()


def staff_accounts(role: str = ""):
    """Every account without a member state, but the superuser-only ones; each with
    `two_factor` (a confirmed authenticator) and its roles prefetched. `role` filters."""
    staff_role = Group.objects.filter(user=OuterRef("pk"), name__in=STAFF_ROLES)
    accounts = (
        User.objects.filter(member_state__isnull=True)
        .filter(Q(is_superuser=False) | Exists(staff_role))
        .annotate(two_factor=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"),
                                                                confirmed=True)))
        .prefetch_related("groups")
        .order_by("username", "pk")
    )
    if role:
        accounts = accounts.filter(Exists(Group.objects.filter(user=OuterRef("pk"), name=role)))
    return accounts


def _admin_only(permission: str):
    """The service runs only for a user with `permission`; a refusal is recorded (outside
    the service's transaction, so that it stays) and raised as PermissionDenied."""

    def decorator(service):
        @wraps(service)
        def wrapper(*, by, request=None, **kwargs):
            if not by.has_perm(permission):
                security_event(action="staff.refused", actor=by, request=request,
                               target=kwargs.get("staff"), permission=permission,
                               service=service.__name__)
                raise PermissionDenied(_("Only an administrator can manage staff accounts."))
            return service(by=by, request=request, **kwargs)

        return wrapper

    return decorator


def _clean_roles(names) -> list[str]:
    names = sorted(set(names))
    if not names:
        raise ValidationError({"roles": _("Choose at least one role.")}, code="no_role")
    if any(name not in STAFF_ROLES for name in names):
        raise ValidationError({"roles": _("Only Secretariat roles can be given here.")},
                              code="not_staff_role")
    return names


def _locked_staff(staff) -> User:
    """The account, locked, refused if it is not a staff account (a delegate's).

    The administrator group's row is locked first: changes that could take the role or
    access away from an administrator run one after the other, so two administrators
    removing each other at once cannot leave none (nor deadlock on each other's rows)."""
    Group.objects.select_for_update().filter(name=ADMIN).first()
    staff = User.objects.select_for_update().get(pk=staff.pk)
    if staff.member_state_id is not None:
        raise ValidationError(_("This account is a delegate's: manage it on the delegates' "
                                "page."), code="delegate")
    return staff


def _other_active_admins(staff) -> int:
    """(Under the administrator group's lock, `_locked_staff`.)"""
    return User.objects.filter(groups__name=ADMIN, is_active=True).exclude(pk=staff.pk).count()


def _guard_admin_loss(*, staff, by) -> None:
    """`staff` is about to lose the administrator role or access: not themselves, not the
    last one."""
    if staff.pk == by.pk:
        raise ValidationError(_("You cannot take away your own administrator rights."),
                              code="own_admin")
    if staff.is_active and not _other_active_admins(staff):
        raise ValidationError(_("This is the last active administrator: make someone else "
                                "an administrator first."), code="last_admin")


@_admin_only("accounts.add_user")
@transaction.atomic
def staff_create(*, by, username: str, first_name: str, last_name: str, email: str,
                 roles: list[str], preferred_language: str, request=None) -> User:
    """A staff account with no password: they choose one through the invitation e-mail
    (`staff_invite`, to call once this transaction has committed)."""
    names = _clean_roles(roles)
    staff = User(username=username, first_name=first_name, last_name=last_name, email=email,
                 preferred_language=preferred_language)
    staff.set_unusable_password()
    staff.full_clean()
    staff.save()
    staff.groups.set(Group.objects.filter(name__in=names))
    record(action="staff.create", actor=by, request=request, target=staff, roles=names,
           language=preferred_language)
    return staff


@_admin_only("accounts.change_user")
@transaction.atomic
def staff_update(*, staff, by, first_name: str, last_name: str, email: str,
                 roles: list[str], preferred_language: str, request=None) -> User:
    staff = _locked_staff(staff)
    names = _clean_roles(roles)
    before = {"first_name": staff.first_name, "last_name": staff.last_name,
              "email": staff.email, "preferred_language": staff.preferred_language,
              "roles": staff.role_names()}
    if roles_lost := roles_admin_lost(before["roles"], names):
        _guard_admin_loss(staff=staff, by=by)
    staff.first_name, staff.last_name, staff.email = first_name, last_name, email
    staff.preferred_language = preferred_language
    staff.full_clean()
    staff.save(update_fields=["first_name", "last_name", "email", "preferred_language"])
    # Only the staff roles are the page's to change; any other group stays as it was.
    kept = staff.groups.exclude(name__in=STAFF_ROLES)
    staff.groups.set([*kept, *Group.objects.filter(name__in=names)])
    after = {"first_name": first_name, "last_name": last_name, "email": email,
             "preferred_language": preferred_language, "roles": names}
    changed = sorted(key for key in before if before[key] != after[key])
    record(action="staff.update", actor=by, request=request, target=staff, changed=changed,
           before={key: before[key] for key in changed},
           after={key: after[key] for key in changed}, admin_removed=roles_lost)
    return staff


def roles_admin_lost(before, after) -> bool:
    return ADMIN in before and ADMIN not in after


@_admin_only("accounts.change_user")
def staff_invite(*, staff, by, request=None) -> bool:
    """E-mail the staff member a link to choose their password, in their language; False
    when the mail server refused (the account stays; the link can be sent again)."""
    if staff.member_state_id is not None or not staff.is_active:
        raise ValidationError(_("Only an active staff account can be sent a link."),
                              code="not_active_staff")
    return invitation_send(
        user=staff, by=by, request=request, templates="registration/email/staff_invitation",
        action="staff.invite", context={"staff": staff, "roles": ", ".join(staff.role_labels())},
    )


@_admin_only("accounts.change_user")
@transaction.atomic
def staff_deactivate(*, staff, by, request=None) -> User:
    """Remove access at once: refused from the next request on, and every session and the
    API token ended so that a reactivation does not bring them back."""
    staff = _locked_staff(staff)
    if staff.pk == by.pk:
        raise ValidationError(_("You cannot deactivate your own account."), code="self")
    if ADMIN in staff.role_names():
        _guard_admin_loss(staff=staff, by=by)
    if staff.is_active:
        staff.is_active = False
        staff.save(update_fields=["is_active"])
    record(action="staff.deactivate", actor=by, request=request, target=staff,
           **access_end_for(staff))
    return staff


@_admin_only("accounts.change_user")
@transaction.atomic
def staff_reactivate(*, staff, by, request=None) -> User:
    staff = _locked_staff(staff)
    if not staff.is_active:
        staff.is_active = True
        staff.save(update_fields=["is_active"])
    record(action="staff.reactivate", actor=by, request=request, target=staff)
    return staff
