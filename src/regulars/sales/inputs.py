"""What a till asks to book, and why a booking is refused: the language of the sales services."""

from dataclasses import dataclass

from regulars.catalog.models import Article, Service
from regulars.core.models import StaffMember
from regulars.customers.models import Customer

#: the most of one article or service on a line, on every path (page, API, parking)
MAX_QUANTITY = 9999
#: the highest price or discount of a line, in cents (one million euros)
MAX_AMOUNT = 100_000_000


class BookingError(Exception):
    """The receipt cannot be booked as asked; nothing was booked.

    `field` names the part of the request ("payments", "staff", or with `line` a field of that line, counted
    from 0), so that the API answers in DRF's shape and the till marks the line.
    """

    def __init__(self, message: str, field: str = "non_field_errors", line: int | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.line = line

    def as_api_error(self) -> dict:
        """{"staff": [...]} or, for a line, {"lines": {"2": {"article": [...]}}}."""
        if self.line is None:
            return {self.field: [self.message]}
        return {"lines": {str(self.line): {self.field: [self.message]}}}


@dataclass(frozen=True)
class LineInput:
    """An article or a service to book; staff and customer default to the receipt's.

    `unit_price` (a changed price) and `discount` (a discount given by hand, instead of the customer's) need a
    role that may give them and a `reason`; both are kept on the receipt line.
    """

    article: Article | None = None
    service: Service | None = None
    quantity: int = 1
    staff: StaffMember | None = None
    customer: Customer | None = None
    unit_price: int | None = None
    discount: int | None = None
    reason: str = ""

    @property
    def item(self) -> Article | Service | None:
        return self.article or self.service

    @property
    def overridden(self) -> bool:
        return self.unit_price is not None or self.discount is not None


@dataclass(frozen=True)
class PaymentInput:
    method: str
    amount: int
