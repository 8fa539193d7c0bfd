"""Hash the API tokens that older installations kept in plain text (Django REST framework's authtoken_token).

Each token keeps working: its hash goes to core_apitoken, and the plain key is deleted. Going back cannot bring the
plain keys back (only their hashes are left); the tokens must then be issued again with `regulars token`.
"""

import hashlib

from django.db import migrations

PLAIN_TABLE = "authtoken_token"


def hash_plain_tokens(apps, schema_editor):
    connection = schema_editor.connection
    if PLAIN_TABLE not in connection.introspection.table_names():
        return
    ApiToken = apps.get_model("core", "ApiToken")
    table, key = schema_editor.quote_name(PLAIN_TABLE), schema_editor.quote_name("key")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {key}, user_id FROM {table}")  # noqa: S608
        ApiToken.objects.using(connection.alias).bulk_create(
            ApiToken(user_id=user_id, prefix=plain[:8], digest=hashlib.sha256(plain.encode()).hexdigest())
            for plain, user_id in cursor.fetchall()
        )
        cursor.execute(f"DELETE FROM {table}")  # noqa: S608


class Migration(migrations.Migration):
    dependencies = [("core", "0006_apitoken")]

    operations = [migrations.RunPython(hash_plain_tokens, migrations.RunPython.noop)]
