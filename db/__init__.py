"""Persistence: peewee models, the connection with its pragmas, migrations, backups and the instance lock."""
