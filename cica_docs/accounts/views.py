from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render


def home(request):
    """The site root sends each person to the page of their role."""
    if not request.user.is_authenticated:
        return redirect("accounts:login")
    return redirect(request.user.landing_url())


@login_required
def no_role(request):
    if request.user.is_secretariat or request.user.is_delegate:
        return redirect(request.user.landing_url())
    return render(request, "registration/no_role.html")
