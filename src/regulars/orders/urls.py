from django.urls import path

from .views import OrderEditView

app_name = "orders"

urlpatterns = [
    path("new/<int:customer_pk>/", OrderEditView.as_view(), name="add"),
    path("<int:pk>/", OrderEditView.as_view(), name="edit"),
]
