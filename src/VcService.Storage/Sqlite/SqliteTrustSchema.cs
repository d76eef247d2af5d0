namespace VcService.Storage.Sqlite;

/// <summary>Tables of the trust registry: imported DEQAR institution data (replaced as a whole on each import).</summary>
internal static class SqliteTrustSchema
{
    public const string Script = """
        CREATE TABLE IF NOT EXISTS deqar_institutions (
            deqar_id      TEXT PRIMARY KEY,
            eter_id       TEXT NULL,
            eter_key      TEXT NULL,
            name_primary  TEXT NOT NULL,
            name_official TEXT NULL,
            acronym       TEXT NULL,
            country       TEXT NOT NULL,
            city          TEXT NULL,
            website_link  TEXT NULL
        );
        CREATE INDEX IF NOT EXISTS deqar_institutions_eter ON deqar_institutions(eter_key);

        -- identifier_key: upper case without white space, the comparison form.
        CREATE TABLE IF NOT EXISTS deqar_identifiers (
            deqar_id       TEXT NOT NULL REFERENCES deqar_institutions(deqar_id) ON DELETE CASCADE,
            identifier     TEXT NOT NULL,
            identifier_key TEXT NOT NULL,
            resource       TEXT NULL,
            PRIMARY KEY (deqar_id, identifier_key)
        );
        CREATE INDEX IF NOT EXISTS deqar_identifiers_key ON deqar_identifiers(identifier_key);

        CREATE TABLE IF NOT EXISTS deqar_import (
            id           INTEGER PRIMARY KEY CHECK (id = 1),
            source       TEXT NOT NULL,
            imported_at  TEXT NOT NULL,
            institutions INTEGER NOT NULL
        );
        """;
}
