"""Pure rules and value types: no database, no Qt."""
