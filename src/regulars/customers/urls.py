from django.urls import path

from . import views

app_name = "customers"

urlpatterns = [
    path("", views.CustomerListView.as_view(), name="list"),
    path("new/", views.CustomerEditView.as_view(), name="add"),
    path("pick/", views.CustomerPickView.as_view(), name="pick"),
    path("groups/", views.GroupListView.as_view(), name="group_list"),
    path("groups/new/", views.GroupEditView.as_view(), name="group_add"),
    path("groups/<int:pk>/", views.GroupEditView.as_view(), name="group_edit"),
    path("<int:pk>/", views.CustomerDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.CustomerEditView.as_view(), name="edit"),
    path("<int:pk>/protocol/", views.CustomerProtocolView.as_view(), name="protocol"),
]
