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
            created_at         TEXT NOT NULL,
            suspension_enabled INTEGER NOT NULL DEFAULT 0
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
        -- Status lists (Bitstring Status List / StatusList2021). The signed_* columns cache the
        -- secured list credential of version signed_version.
        CREATE TABLE IF NOT EXISTS status_lists (
            tenant_id          TEXT NOT NULL REFERENCES tenants(id),
            list_id            TEXT NOT NULL,
            purpose            TEXT NOT NULL,
            list_type          TEXT NOT NULL,
            size               INTEGER NOT NULL,
            allocated          INTEGER NOT NULL,
            bitstring          BLOB NOT NULL,
            version            INTEGER NOT NULL,
            created_at         TEXT NOT NULL,
            signed_version     INTEGER NULL,
            signed_credential  TEXT NULL,
            signed_media_type  TEXT NULL,
            signed_etag        TEXT NULL,
            signed_at          TEXT NULL,
            signed_valid_until TEXT NULL,
            PRIMARY KEY (tenant_id, list_id)
        );
        CREATE INDEX IF NOT EXISTS status_lists_open ON status_lists(tenant_id, purpose, list_type, allocated);

        -- Every index ever given out: the primary key makes reuse impossible.
        CREATE TABLE IF NOT EXISTS status_allocations (
            tenant_id     TEXT NOT NULL,
            list_id       TEXT NOT NULL,
            status_index  INTEGER NOT NULL,
            credential_id TEXT NOT NULL,
            allocated_at  TEXT NOT NULL,
            PRIMARY KEY (tenant_id, list_id, status_index),
            FOREIGN KEY (tenant_id, list_id) REFERENCES status_lists(tenant_id, list_id)
        );
        CREATE INDEX IF NOT EXISTS status_allocations_credential ON status_allocations(tenant_id, credential_id);

        -- Append-only: the triggers refuse every UPDATE and DELETE.
        CREATE TABLE IF NOT EXISTS audit_log (
            seq           INTEGER PRIMARY KEY AUTOINCREMENT,
            tenant_id     TEXT NOT NULL,
            at            TEXT NOT NULL,
            client_id     TEXT NOT NULL,
            credential_id TEXT NULL,
            action        TEXT NOT NULL,
            reason        TEXT NULL,
            detail        TEXT NULL
        );
        CREATE INDEX IF NOT EXISTS audit_log_tenant ON audit_log(tenant_id, seq);
        CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        """;

    /// <summary>
    /// Columns added after a table was first created: <c>CREATE TABLE IF NOT EXISTS</c> leaves an
    /// existing table as it is, so these are added to databases that predate them.
    /// </summary>
    public static readonly IReadOnlyList<(string Table, string Column, string Definition)> AddedColumns =
    [
        ("tenants", "suspension_enabled", "INTEGER NOT NULL DEFAULT 0"),
        ("tenants", "legal_identifiers_json", "TEXT NOT NULL DEFAULT '{}'"),
        ("tenants", "region", "TEXT NULL"),
        ("tenants", "key_type", "TEXT NOT NULL DEFAULT 'Ed25519'"),
        ("tenants", "updated_at", "TEXT NULL"),
        ("signing_keys", "compromised_at", "TEXT NULL"),
        ("signing_keys", "retire_reason", "TEXT NULL"),
    ];
}
