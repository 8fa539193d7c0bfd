from django.contrib.auth import views as auth_views
from django.urls import path

from .views import admin, passwords, preferences, profile, shop
from .views.auth import LoginView

app_name = "core"

urlpatterns = [
    path("login/", LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/forgot/", passwords.PasswordResetView.as_view(), name="password_reset"),
    path("password/new/<uidb64>/<token>/", passwords.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path("preferences/columns/<slug:table>/", preferences.TableColumnsView.as_view(), name="table_columns"),
    path("me/", profile.ProfileView.as_view(), name="profile"),
    path("me/password/", passwords.PasswordChangeView.as_view(), name="password_change"),
    path("me/shop/", shop.SwitchShopView.as_view(), name="switch_shop"),
    path("users/", admin.UserListView.as_view(), name="user_list"),
    path("users/new/", admin.UserEditView.as_view(), name="user_add"),
    path("users/<int:pk>/", admin.UserEditView.as_view(), name="user_edit"),
    path("users/<int:pk>/password/", passwords.UserPasswordView.as_view(), name="user_password"),
    path("master-data/", admin.MasterDataView.as_view(), name="master_data"),
    path("staff/", admin.StaffMemberListView.as_view(), name="staff_list"),
    path("staff/new/", admin.StaffMemberEditView.as_view(), name="staff_add"),
    path("staff/<int:pk>/", admin.StaffMemberEditView.as_view(), name="staff_edit"),
    path("shops/", admin.ShopListView.as_view(), name="shop_list"),
    path("shops/new/", admin.ShopEditView.as_view(), name="shop_add"),
    path("shops/<int:pk>/", admin.ShopEditView.as_view(), name="shop_edit"),
]
