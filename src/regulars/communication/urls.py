from .views import urlpatterns

app_name = "communication"

__all__ = ["app_name", "urlpatterns"]
