"""What the demo wrote: ranges of ids per table, so that it never touches data it did not create."""

from django.db import models


class DemoRange(models.Model):
    """Rows first_id..last_id of a table (a model's label, e.g. "customers.customer") were written by the demo."""

    table = models.CharField(max_length=64)
    first_id = models.BigIntegerField()
    last_id = models.BigIntegerField()

    class Meta:
        ordering = ["table", "first_id"]
        indexes = [models.Index(fields=["table", "first_id"], name="demo_range_table")]

    def __str__(self) -> str:
        return f"{self.table} {self.first_id}-{self.last_id}"
