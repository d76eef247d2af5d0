namespace VcService.Storage.Sqlite;

internal static class SqliteSchema
{
    public const string Script = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;

        CREATE TABLE IF NOT EXISTS tenants (
            id                 TEXT PRIMARY KEY,
            legal_name_json    TEXT NOT NULL,
            country            TEXT NOT NULL,
            legal_identifier   TEXT NULL,
            deqar_id           TEXT NULL,
            homepage           TEXT NULL,
            default_profile    TEXT NOT NULL,
            default_format     TEXT NOT NULL,
            validation_profile TEXT NULL,
            created_at         TEXT NOT NULL
        );

        CREATE TABLE IF NOT EXISTS signing_keys (
            tenant_id             TEXT NOT NULL REFERENCES tenants(id),
            key_id                TEXT NOT NULL,
            key_type              TEXT NOT NULL,
            public_key_multibase  TEXT NOT NULL,
            encrypted_private_key BLOB NOT NULL,
            created_at            TEXT NOT NULL,
            active                INTEGER NOT NULL,
            retired_at            TEXT NULL,
            PRIMARY KEY (tenant_id, key_id)
        );

        CREATE TABLE IF NOT EXISTS credentials (
            id              TEXT PRIMARY KEY,
            tenant_id       TEXT NOT NULL REFERENCES tenants(id),
            profile         TEXT NOT NULL,
            format          TEXT NOT NULL,
            record_json     TEXT NOT NULL,
            credential      TEXT NOT NULL,
            issued_at       TEXT NOT NULL,
            idempotency_key TEXT NULL,
            request_hash    TEXT NULL
        );
        CREATE UNIQUE INDEX IF NOT EXISTS credentials_idempotency
            ON credentials(tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL;

        CREATE TABLE IF NOT EXISTS api_keys (
            id          TEXT PRIMARY KEY,
            tenant_id   TEXT NOT NULL REFERENCES tenants(id),
            secret_hash TEXT NOT NULL UNIQUE,
            scopes      TEXT NOT NULL,
            created_at  TEXT NOT NULL,
            revoked_at  TEXT NULL
        );
        """;
}
