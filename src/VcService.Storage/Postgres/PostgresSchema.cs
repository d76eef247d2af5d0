namespace VcService.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema as numbered migrations, applied in order and recorded in
/// <c>vcservice_migrations</c>. Never edit a released migration: append a new one (columns added
/// to the SQLite schema's <c>AddedColumns</c> get an <c>ALTER TABLE … ADD COLUMN IF NOT EXISTS</c> here).
/// Tables and columns mirror the SQLite schema; times are <c>timestamptz</c> (microseconds),
/// JSON stays <c>text</c> so it reads back byte for byte.
/// </summary>
internal static class PostgresSchema
{
    public sealed record Migration(int Version, string Name, string Sql);

    public static readonly IReadOnlyList<Migration> Migrations =
    [
        new(1, "initial", """
            CREATE TABLE tenants (
                id                 text PRIMARY KEY,
                legal_name_json    text NOT NULL,
                country            text NOT NULL,
                legal_identifier   text NULL,
                deqar_id           text NULL,
                homepage           text NULL,
                default_profile    text NOT NULL,
                default_format     text NOT NULL,
                validation_profile text NULL,
                created_at         timestamptz NOT NULL,
                suspension_enabled boolean NOT NULL DEFAULT false
            );

            CREATE TABLE signing_keys (
                tenant_id             text NOT NULL REFERENCES tenants(id),
                key_id                text NOT NULL,
                key_type              text NOT NULL,
                public_key_multibase  text NOT NULL,
                encrypted_private_key bytea NOT NULL,
                created_at            timestamptz NOT NULL,
                active                boolean NOT NULL,
                retired_at            timestamptz NULL,
                PRIMARY KEY (tenant_id, key_id)
            );

            CREATE TABLE credentials (
                id              text PRIMARY KEY,
                tenant_id       text NOT NULL REFERENCES tenants(id),
                profile         text NOT NULL,
                format          text NOT NULL,
                record_json     text NOT NULL,
                credential      text NOT NULL,
                issued_at       timestamptz NOT NULL,
                idempotency_key text NULL,
                request_hash    text NULL
            );
            CREATE UNIQUE INDEX credentials_idempotency
                ON credentials(tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL;

            CREATE TABLE api_keys (
                id          text PRIMARY KEY,
                tenant_id   text NOT NULL REFERENCES tenants(id),
                secret_hash text NOT NULL UNIQUE,
                scopes      text NOT NULL,
                created_at  timestamptz NOT NULL,
                revoked_at  timestamptz NULL
            );

            -- seq orders lists by creation (SQLite uses its rowid).
            CREATE TABLE status_lists (
                seq                bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
                tenant_id          text NOT NULL REFERENCES tenants(id),
                list_id            text NOT NULL,
                purpose            text NOT NULL,
                list_type          text NOT NULL,
                size               integer NOT NULL,
                allocated          integer NOT NULL,
                bitstring          bytea NOT NULL,
                version            bigint NOT NULL,
                created_at         timestamptz NOT NULL,
                signed_version     bigint NULL,
                signed_credential  text NULL,
                signed_media_type  text NULL,
                signed_etag        text NULL,
                signed_at          timestamptz NULL,
                signed_valid_until timestamptz NULL,
                PRIMARY KEY (tenant_id, list_id)
            );
            CREATE INDEX status_lists_open ON status_lists(tenant_id, purpose, list_type, allocated);

            -- Every index ever given out: the primary key makes reuse impossible.
            CREATE TABLE status_allocations (
                seq           bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
                tenant_id     text NOT NULL,
                list_id       text NOT NULL,
                status_index  integer NOT NULL,
                credential_id text NOT NULL,
                allocated_at  timestamptz NOT NULL,
                PRIMARY KEY (tenant_id, list_id, status_index),
                FOREIGN KEY (tenant_id, list_id) REFERENCES status_lists(tenant_id, list_id)
            );
            CREATE INDEX status_allocations_credential ON status_allocations(tenant_id, credential_id);

            -- Append-only: the triggers refuse every UPDATE, DELETE and TRUNCATE.
            CREATE TABLE audit_log (
                seq           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                tenant_id     text NOT NULL,
                at            timestamptz NOT NULL,
                client_id     text NOT NULL,
                credential_id text NULL,
                action        text NOT NULL,
                reason        text NULL,
                detail        text NULL
            );
            CREATE INDEX audit_log_tenant ON audit_log(tenant_id, seq);
            CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_log is append-only';
            END $$;
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
                FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
            CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
                FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
            """),

        // Admin API: tenant details and key retirement (SQLite: AddedColumns).
        new(2, "tenant details, key retirement", """
            ALTER TABLE tenants ADD COLUMN legal_identifiers_json text NOT NULL DEFAULT '{}';
            ALTER TABLE tenants ADD COLUMN region text NULL;
            ALTER TABLE tenants ADD COLUMN key_type text NOT NULL DEFAULT 'Ed25519';
            ALTER TABLE tenants ADD COLUMN updated_at timestamptz NULL;
            ALTER TABLE signing_keys ADD COLUMN compromised_at timestamptz NULL;
            ALTER TABLE signing_keys ADD COLUMN retire_reason text NULL;
            """),

        // Trust registry: imported DEQAR institution data (SQLite: SqliteTrustSchema).
        new(3, "trust registry", """
            CREATE TABLE deqar_institutions (
                deqar_id      text PRIMARY KEY,
                eter_id       text NULL,
                eter_key      text NULL,
                name_primary  text NOT NULL,
                name_official text NULL,
                acronym       text NULL,
                country       text NOT NULL,
                city          text NULL,
                website_link  text NULL
            );
            CREATE INDEX deqar_institutions_eter ON deqar_institutions(eter_key);

            -- identifier_key: upper case without white space, the comparison form.
            CREATE TABLE deqar_identifiers (
                deqar_id       text NOT NULL REFERENCES deqar_institutions(deqar_id) ON DELETE CASCADE,
                identifier     text NOT NULL,
                identifier_key text NOT NULL,
                resource       text NULL,
                PRIMARY KEY (deqar_id, identifier_key)
            );
            CREATE INDEX deqar_identifiers_key ON deqar_identifiers(identifier_key);

            CREATE TABLE deqar_import (
                id           integer PRIMARY KEY CHECK (id = 1),
                source       text NOT NULL,
                imported_at  timestamptz NOT NULL,
                institutions integer NOT NULL
            );
            """),

        // Public rate limits counted by all instances together (PostgresRateLimitWindows; SQLite
        // keeps them in memory). window_end, not the limit's length, says when a row may go: the
        // policies' windows differ. UNLOGGED: counters need no WAL and may be lost in a crash.
        new(4, "shared rate limit windows", """
            CREATE UNLOGGED TABLE rate_limit_windows (
                partition_key text NOT NULL,
                window_start  timestamptz NOT NULL,
                window_end    timestamptz NOT NULL,
                count         integer NOT NULL,
                PRIMARY KEY (partition_key, window_start)
            );
            CREATE INDEX rate_limit_windows_end ON rate_limit_windows(window_end);
            """),
    ];
}
