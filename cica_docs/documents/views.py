from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import render


@login_required
@permission_required("accounts.view_secretariat_work", raise_exception=True)
def worklist(request):
    return render(request, "documents/worklist.html")
