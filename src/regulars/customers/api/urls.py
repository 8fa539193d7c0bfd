from rest_framework.routers import SimpleRouter

from .views import CustomerGroupViewSet, CustomerViewSet

router = SimpleRouter()
router.register("customers", CustomerViewSet)
router.register("customer-groups", CustomerGroupViewSet)
urlpatterns = router.urls
