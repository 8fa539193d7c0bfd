from django.urls import path

from . import till, till_lines, till_parking
from .views import urlpatterns as page_urlpatterns

app_name = "sales"

urlpatterns = [
    *page_urlpatterns,
    path("till/articles/", till.TillArticleSearchView.as_view(), name="cart_articles"),
    path("till/line/<int:index>/customer/", till_lines.TillLineCustomerView.as_view(), name="cart_line_customer"),
    path("till/park/", till_parking.TillParkView.as_view(), name="cart_park"),
    path("till/parked/<int:pk>/resume/", till_parking.TillResumeView.as_view(), name="parked_resume"),
    path("till/parked/<int:pk>/abandon/", till_parking.TillAbandonParkedView.as_view(), name="parked_abandon"),
]

__all__ = ["app_name", "urlpatterns"]
