"""Writes of the circulation app: member states, delegates and circulation lists.

Every function is keyword-only, owns its transaction and leaves a trace in the audit log.
`request` is only used for the audit trail (address) and for absolute links in e-mails.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from cica_docs.accounts import roles
from cica_docs.accounts.invitations import invitation_send
from cica_docs.accounts.sessions import access_end_for
from cica_docs.audit.log import record
from cica_docs.translated import translations_assign

from .models import CirculationList, MemberState

User = get_user_model()


# --- Member states --------------------------------------------------------------------------


@transaction.atomic
def member_state_create(
    *, by, code: str, status: str, is_active: bool, names: dict[str, str],
    full_names: dict[str, str], request=None,
) -> MemberState:
    state = MemberState(code=code, status=status, is_active=is_active)
    translations_assign(state, "name", names)
    translations_assign(state, "full_name", full_names)
    state.full_clean()
    state.save()
    record(action="member_state.create", actor=by, request=request, target=state, state=state)
    return state


@transaction.atomic
def member_state_update(
    *, state: MemberState, by, code: str, status: str, is_active: bool,
    names: dict[str, str], full_names: dict[str, str], request=None,
) -> MemberState:
    state = MemberState.objects.select_for_update().get(pk=state.pk)
    before = {"code": state.code, "status": state.status, "is_active": state.is_active}
    state.code, state.status, state.is_active = code, status, is_active
    translations_assign(state, "name", names)
    translations_assign(state, "full_name", full_names)
    state.full_clean()
    state.save()
    record(action="member_state.update", actor=by, request=request, target=state, state=state,
           before=before)
    return state


# --- Delegates ------------------------------------------------------------------------------


@transaction.atomic
def delegate_create(
    *, by, username: str, first_name: str, last_name: str, email: str,
    member_state: MemberState, preferred_language: str, request=None,
) -> User:
    """Create a delegate with no password: they choose one through the invitation e-mail
    (`delegate_invite`, to call once this transaction has committed)."""
    if not member_state.is_active:
        raise ValidationError(_("This member state is inactive."), code="inactive_state")
    delegate = User(
        username=username, first_name=first_name, last_name=last_name, email=email,
        member_state=member_state, preferred_language=preferred_language,
    )
    delegate.set_unusable_password()
    delegate.full_clean()
    delegate.save()
    delegate.groups.add(Group.objects.get(name=roles.DELEGATE))
    record(action="delegate.create", actor=by, request=request, target=delegate,
           state=member_state, language=preferred_language)
    return delegate


def delegate_invite(*, delegate: User, by, request=None) -> bool:
    """E-mail the delegate a link to choose their password, in their language
    (accounts/invitations.py); False when the mail server refused."""
    return invitation_send(
        user=delegate, by=by, request=request, state=delegate.member_state,
        templates="circulation/email/invitation", action="delegate.invite",
        context={"delegate": delegate, "state": delegate.member_state},
    )


@transaction.atomic
def delegate_deactivate(*, delegate: User, by, request=None) -> User:
    """Remove access at once: the account is refused from the next request on, and its open
    sessions and API token are deleted so a later reactivation does not bring them back."""
    delegate = User.objects.select_for_update().get(pk=delegate.pk)
    if delegate.is_active:
        delegate.is_active = False
        delegate.save(update_fields=["is_active"])
    record(action="delegate.deactivate", actor=by, request=request, target=delegate,
           state=delegate.member_state, **access_end_for(delegate))
    return delegate


@transaction.atomic
def delegate_reactivate(*, delegate: User, by, request=None) -> User:
    delegate = User.objects.select_for_update().get(pk=delegate.pk)
    if not delegate.is_active:
        delegate.is_active = True
        delegate.save(update_fields=["is_active"])
    record(action="delegate.reactivate", actor=by, request=request, target=delegate,
           state=delegate.member_state)
    return delegate


# --- Circulation lists ----------------------------------------------------------------------


def _state_codes(states) -> list[str]:
    return sorted(state.code for state in states)


@transaction.atomic
def circulation_list_create(
    *, by, names: dict[str, str], states, request=None
) -> CirculationList:
    circulation_list = CirculationList(created_by=by, updated_by=by)
    translations_assign(circulation_list, "name", names)
    circulation_list.full_clean()
    circulation_list.save()
    circulation_list.states.set(states)
    record(action="circulation_list.create", actor=by, request=request,
           target=circulation_list, states=_state_codes(states))
    return circulation_list


@transaction.atomic
def circulation_list_update(
    *, circulation_list: CirculationList, by, names: dict[str, str], states, request=None
) -> CirculationList:
    circulation_list = CirculationList.objects.select_for_update().get(pk=circulation_list.pk)
    before = set(_state_codes(circulation_list.states.all()))
    after = set(_state_codes(states))
    translations_assign(circulation_list, "name", names)
    circulation_list.updated_by = by
    circulation_list.full_clean()
    circulation_list.save()
    circulation_list.states.set(states)
    record(action="circulation_list.update", actor=by, request=request,
           target=circulation_list, added=sorted(after - before),
           removed=sorted(before - after))
    return circulation_list


@transaction.atomic
def circulation_list_delete(*, circulation_list: CirculationList, by, request=None) -> None:
    circulation_list = CirculationList.objects.select_for_update().get(pk=circulation_list.pk)
    if circulation_list.is_default:
        raise ValidationError(_("The default list cannot be deleted."), code="default_list")
    if circulation_list.dispatches.exists():
        raise ValidationError(
            _("Documents have been dispatched to this list; it is kept for the record."),
            code="list_used",
        )
    record(action="circulation_list.delete", actor=by, request=request,
           target=circulation_list,
           states=_state_codes(circulation_list.states.all()))
    circulation_list.delete()
