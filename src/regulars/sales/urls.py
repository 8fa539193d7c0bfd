from .views import urlpatterns

app_name = "sales"

__all__ = ["app_name", "urlpatterns"]
