from .views import urlpatterns

app_name = "catalog"

__all__ = ["app_name", "urlpatterns"]
