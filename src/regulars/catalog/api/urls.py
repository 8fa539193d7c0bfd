from rest_framework.routers import SimpleRouter

from .views import ArticleViewSet, ServiceViewSet

router = SimpleRouter()
router.register("articles", ArticleViewSet)
router.register("services", ServiceViewSet)
urlpatterns = router.urls
