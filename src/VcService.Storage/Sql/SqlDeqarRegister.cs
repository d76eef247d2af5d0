using System.Data.Common;
using Dapper;
using VcService.MicroCredentials.Trust;

namespace VcService.Storage.Sql;

/// <summary>
/// The imported DEQAR institution data (SQLite: <c>SqliteTrustSchema</c>; PostgreSQL: migration 3).
/// An import replaces everything in one write transaction, under an advisory lock on PostgreSQL,
/// so two imports at once run one after the other and readers see either the old or the new
/// data, never a mix.
/// </summary>
public sealed class SqlDeqarRegister(SqlDatabase database) : IDeqarRegister
{
    private const long ImportLockKey = 0x5643_5376_4465_7172; // "VCSvDeqr"
    private const string Columns = "deqar_id, eter_id, name_primary, name_official, acronym, country, city, website_link";

    private SqlDialect Dialect => database.Dialect;

    public async Task<DeqarInstitution?> FindByDeqarIdAsync(string deqarId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM deqar_institutions WHERE deqar_id = @deqarId", new { deqarId }, cancellationToken: cancellationToken));
        return row is null ? null : await ToInstitutionAsync(connection, row, cancellationToken);
    }

    public async Task<IReadOnlyList<DeqarInstitution>> FindByIdentifierAsync(string identifier, CancellationToken cancellationToken)
    {
        var key = DeqarIds.IdentifierKey(identifier);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // The subquery: PostgreSQL orders a UNION only by its result columns, not by an expression with COLLATE.
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT * FROM (
                SELECT {Columns} FROM deqar_institutions WHERE eter_key = @key
                UNION
                SELECT {string.Join(", ", Columns.Split(", ").Select(c => "i." + c))} FROM deqar_institutions i
                    JOIN deqar_identifiers d ON d.deqar_id = i.deqar_id WHERE d.identifier_key = @key
            ) found
            ORDER BY {Dialect.Binary("deqar_id")} LIMIT 10
            """, new { key }, cancellationToken: cancellationToken));
        var result = new List<DeqarInstitution>();
        foreach (var row in rows)
            result.Add(await ToInstitutionAsync(connection, row, cancellationToken));
        return result;
    }

    public async Task<DeqarImportInfo?> GetImportInfoAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ImportRow>(new CommandDefinition(
            "SELECT source, imported_at, institutions FROM deqar_import WHERE id = 1", cancellationToken: cancellationToken));
        return row is null ? null : new DeqarImportInfo(row.source, Dialect.ReadTime(row.imported_at), row.institutions);
    }

    public async Task ReplaceAllAsync(IReadOnlyList<DeqarInstitution> institutions, DeqarImportInfo info, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(institutions);
        ArgumentNullException.ThrowIfNull(info);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await Dialect.BeginWriteTransactionAsync(connection, cancellationToken);
        await Dialect.LockUntilCommitAsync(transaction, ImportLockKey, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM deqar_identifiers; DELETE FROM deqar_institutions;", transaction: transaction, cancellationToken: cancellationToken));
        foreach (var institution in institutions)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO deqar_institutions (deqar_id, eter_id, eter_key, name_primary, name_official, acronym, country, city, website_link) " +
                "VALUES (@DeqarId, @EterId, @EterKey, @NamePrimary, @NameOfficial, @Acronym, @Country, @City, @WebsiteLink)",
                new
                {
                    institution.DeqarId,
                    institution.EterId,
                    EterKey = institution.EterId is null ? null : DeqarIds.IdentifierKey(institution.EterId),
                    institution.NamePrimary,
                    institution.NameOfficial,
                    institution.Acronym,
                    institution.Country,
                    institution.City,
                    institution.WebsiteLink,
                },
                transaction: transaction, cancellationToken: cancellationToken));
            foreach (var identifier in institution.Identifiers)
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO deqar_identifiers (deqar_id, identifier, identifier_key, resource) VALUES (@DeqarId, @Identifier, @Key, @Resource) ON CONFLICT DO NOTHING",
                    new { institution.DeqarId, identifier.Identifier, Key = DeqarIds.IdentifierKey(identifier.Identifier), identifier.Resource },
                    transaction: transaction, cancellationToken: cancellationToken));
        }
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO deqar_import (id, source, imported_at, institutions) VALUES (1, @Source, @ImportedAt, @Institutions) " +
            "ON CONFLICT (id) DO UPDATE SET source = excluded.source, imported_at = excluded.imported_at, institutions = excluded.institutions",
            new { info.Source, ImportedAt = Dialect.Time(info.ImportedAt), info.Institutions },
            transaction: transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<DeqarInstitution> ToInstitutionAsync(DbConnection connection, Row row, CancellationToken cancellationToken)
    {
        var identifiers = await connection.QueryAsync<(string identifier, string? resource)>(new CommandDefinition(
            $"SELECT identifier, resource FROM deqar_identifiers WHERE deqar_id = @id ORDER BY {Dialect.Binary("identifier")}", new { id = row.deqar_id }, cancellationToken: cancellationToken));
        return new DeqarInstitution
        {
            DeqarId = row.deqar_id,
            EterId = row.eter_id,
            NamePrimary = row.name_primary,
            NameOfficial = row.name_official,
            Acronym = row.acronym,
            Country = row.country,
            City = row.city,
            WebsiteLink = row.website_link,
            Identifiers = identifiers.Select(i => new DeqarIdentifier(i.identifier, i.resource)).ToList(),
        };
    }

    private sealed class ImportRow
    {
        public string source { get; set; } = "";
        public object imported_at { get; set; } = "";
        public int institutions { get; set; }
    }

    private sealed class Row
    {
        public string deqar_id { get; set; } = "";
        public string? eter_id { get; set; }
        public string name_primary { get; set; } = "";
        public string? name_official { get; set; }
        public string? acronym { get; set; }
        public string country { get; set; } = "";
        public string? city { get; set; }
        public string? website_link { get; set; }
    }
}
