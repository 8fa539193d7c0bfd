from rest_framework.routers import SimpleRouter

from .views import StaffMemberViewSet

router = SimpleRouter()
router.register("staff", StaffMemberViewSet)
urlpatterns = router.urls
