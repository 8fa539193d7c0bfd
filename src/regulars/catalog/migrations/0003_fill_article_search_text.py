"""Fill the folded search text of the articles already in the catalog."""

from django.db import migrations

from regulars.catalog.models import searchable


def fill(apps, schema_editor):
    Article = apps.get_model("catalog", "Article")
    articles = list(Article.objects.select_related("brand"))
    for article in articles:
        article.search_text = searchable(article.brand.name if article.brand_id else "", article.name)
    Article.objects.bulk_update(articles, ["search_text"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("catalog", "0002_article_search_text")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
