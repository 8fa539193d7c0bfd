"""Pages of the till side: the tills (administrators)."""

from django.utils.translation import gettext_lazy as _

from regulars.core.roles import Role
from regulars.core.views.generic import crud_urls

from .filters import TillFilterSet
from .forms import TillForm
from .models import Till
from .tables import TillTable

urlpatterns = crud_urls(
    prefix="tills", name="till", queryset=Till.objects.select_related("shop"), filterset_class=TillFilterSet,
    table_class=TillTable, form_class=TillForm, title=_("Tills"), add_title=_("New till"), required_role=Role.ADMIN,
)  # fmt: skip
