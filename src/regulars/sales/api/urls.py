from rest_framework.routers import SimpleRouter

from .views import TillViewSet

router = SimpleRouter()
router.register("tills", TillViewSet)
urlpatterns = router.urls
