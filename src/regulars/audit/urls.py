from django.urls import path

from .views import HistoryView

app_name = "audit"

urlpatterns = [path("<slug:kind_key>/<int:pk>/", HistoryView.as_view(), name="history")]
