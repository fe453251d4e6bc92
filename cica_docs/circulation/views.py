from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render


@login_required
def inbox(request):
    if not request.user.is_delegate:
        raise Http404
    return render(request, "circulation/inbox.html", {"state": request.user.member_state})
