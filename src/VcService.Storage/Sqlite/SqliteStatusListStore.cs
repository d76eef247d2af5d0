using System.Data;
using System.Security.Cryptography;
using Dapper;
using Microsoft.Data.Sqlite;
using VcService.Storage.Abstractions;
using VcService.Storage.Sql;

namespace VcService.Storage.Sqlite;

/// <summary>Options of the status list store.</summary>
public sealed record StatusListStoreOptions
{
    /// <summary>Entries per list. Bitstring Status List §2.2 asks for at least 131,072 (herd privacy); smaller only in tests.</summary>
    public int ListSize { get; init; } = 131_072;

    /// <summary>Random draws before falling back to choosing uniformly among the free indices (a nearly full list).</summary>
    public int RandomAttempts { get; init; } = 32;
}

/// <summary>
/// SQLite status lists. Allocation and bit changes run in <c>BEGIN IMMEDIATE</c> transactions:
/// SQLite then admits one writer at a time, so a read-modify-write of a list cannot interleave
/// with another, and the primary key of <c>status_allocations</c> makes reuse impossible anyway.
/// </summary>
public sealed class SqliteStatusListStore(SqliteDatabase database, StatusListStoreOptions options, TimeProvider time) : IStatusListStore
{
    public SqliteStatusListStore(SqliteDatabase database, TimeProvider time) : this(database, new StatusListStoreOptions(), time) { }

    /// <summary>The index source: uniform in [0, n) from a CSPRNG, so indices reveal nothing about issue order.</summary>
    public Func<int, int> NextIndex { get; init; } = RandomNumberGenerator.GetInt32;

    public async Task<StatusAllocation> AllocateAsync(string tenantId, string purpose, string listType, string credentialId, CancellationToken cancellationToken)
    {
        if (options.ListSize <= 0 || options.ListSize % 8 != 0)
            throw new InvalidOperationException($"Status list size {options.ListSize} is not a positive multiple of 8.");
        await using var connection = await database.OpenAsync(cancellationToken);
        // BEGIN IMMEDIATE: take the write lock now, not at the first write (no upgrade deadlocks between readers).
        await using var transaction = connection.BeginTransaction(IsolationLevel.Serializable, deferred: false);
        var now = time.GetUtcNow();

        // 1) The open list (oldest with room), or a new one.
        var row = await connection.QueryFirstOrDefaultAsync<OpenListRow>(new CommandDefinition(
            "SELECT list_id, size FROM status_lists WHERE tenant_id = @tenantId AND purpose = @purpose AND list_type = @listType AND allocated < size ORDER BY rowid LIMIT 1",
            new { tenantId, purpose, listType }, transaction, cancellationToken: cancellationToken));
        var open = row is null ? (ListId: (string?)null, Size: 0) : (ListId: row.list_id, Size: (int)row.size);
        if (open.ListId is null)
        {
            open = (NewListId(), options.ListSize);
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO status_lists (tenant_id, list_id, purpose, list_type, size, allocated, bitstring, version, created_at) VALUES (@tenantId, @listId, @purpose, @listType, @size, 0, zeroblob(@bytes), 1, @createdAt)",
                new { tenantId, listId = open.ListId, purpose, listType, size = open.Size, bytes = open.Size / 8, createdAt = SqliteText.Time(now) },
                transaction, cancellationToken: cancellationToken));
        }

        // 2) A random index; on collision draw again, then fall back to a uniform pick among the free ones.
        var index = -1;
        for (var attempt = 0; attempt < options.RandomAttempts && index < 0; attempt++)
        {
            var candidate = NextIndex(open.Size);
            if (await TryInsertAllocationAsync(connection, transaction, tenantId, open.ListId, candidate, credentialId, now, cancellationToken))
                index = candidate;
        }
        if (index < 0)
        {
            var taken = (await connection.QueryAsync<long>(new CommandDefinition(
                "SELECT status_index FROM status_allocations WHERE tenant_id = @tenantId AND list_id = @listId ORDER BY status_index",
                new { tenantId, listId = open.ListId }, transaction, cancellationToken: cancellationToken))).Select(i => (int)i).ToList();
            var free = open.Size - taken.Count;
            if (free <= 0)
                throw new InvalidOperationException($"Status list {open.ListId} is full but was counted as open.");
            index = NthFree(taken, NextIndex(free));
            if (!await TryInsertAllocationAsync(connection, transaction, tenantId, open.ListId, index, credentialId, now, cancellationToken))
                throw new InvalidOperationException($"Index {index} of status list {open.ListId} was free and is taken.");
        }

        // 3) Count it, so a full list is left for a new one.
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE status_lists SET allocated = allocated + 1 WHERE tenant_id = @tenantId AND list_id = @listId",
            new { tenantId, listId = open.ListId }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new StatusAllocation
        {
            TenantId = tenantId,
            ListId = open.ListId,
            Purpose = purpose,
            ListType = listType,
            Index = index,
            CredentialId = credentialId,
            AllocatedAt = now,
        };
    }

    private static async Task<bool> TryInsertAllocationAsync(SqliteConnection connection, SqliteTransaction transaction, string tenantId, string listId,
        int index, string credentialId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO status_allocations (tenant_id, list_id, status_index, credential_id, allocated_at) VALUES (@tenantId, @listId, @index, @credentialId, @at) ON CONFLICT (tenant_id, list_id, status_index) DO NOTHING",
            new { tenantId, listId, index, credentialId, at = SqliteText.Time(now) }, transaction, cancellationToken: cancellationToken)) == 1;

    /// <summary>The n-th (0-based) index not in <paramref name="taken"/> (ascending).</summary>
    public static int NthFree(IReadOnlyList<int> taken, int n)
    {
        var candidate = n;
        // Each taken index at or below the candidate pushes it one further.
        foreach (var t in taken)
        {
            if (t <= candidate)
                candidate++;
            else
                break;
        }
        return candidate;
    }

    /// <summary>128 random bits, base32 (RFC 4648, lower case, no padding): unguessable, URL-safe.</summary>
    internal static string NewListId()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        var chars = new char[26];
        int buffer = 0, bits = 0, n = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[n++] = alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }
        if (bits > 0)
            chars[n++] = alphabet[(buffer << (5 - bits)) & 31];
        return new string(chars, 0, n);
    }

    public async Task<IReadOnlyList<StatusAllocation>> GetAllocationsAsync(string tenantId, string credentialId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AllocationRow>(new CommandDefinition(
            """
            SELECT a.tenant_id, a.list_id, l.purpose, l.list_type, a.status_index, a.credential_id, a.allocated_at
            FROM status_allocations a JOIN status_lists l ON l.tenant_id = a.tenant_id AND l.list_id = a.list_id
            WHERE a.tenant_id = @tenantId AND a.credential_id = @credentialId
            ORDER BY a.rowid
            """,
            new { tenantId, credentialId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToAllocation()).ToList();
    }

    public async Task<StoredStatusList?> GetListAsync(string tenantId, string listId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ListRow>(new CommandDefinition(
            "SELECT * FROM status_lists WHERE tenant_id = @tenantId AND list_id = @listId",
            new { tenantId, listId }, cancellationToken: cancellationToken));
        return row?.ToList();
    }

    public async Task<IReadOnlyList<bool>> SetBitsAsync(string tenantId, IReadOnlyList<StatusBitUpdate> updates, AuditEntry? audit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // BEGIN IMMEDIATE: take the write lock now, not at the first write (no upgrade deadlocks between readers).
        await using var transaction = connection.BeginTransaction(IsolationLevel.Serializable, deferred: false);
        var changed = new bool[updates.Count];
        foreach (var group in updates.Select((u, i) => (Update: u, Position: i)).GroupBy(x => x.Update.ListId, StringComparer.Ordinal))
        {
            var bits = await connection.QuerySingleOrDefaultAsync<byte[]>(new CommandDefinition(
                "SELECT bitstring FROM status_lists WHERE tenant_id = @tenantId AND list_id = @listId",
                new { tenantId, listId = group.Key }, transaction, cancellationToken: cancellationToken))
                ?? throw new InvalidOperationException($"Tenant '{tenantId}' has no status list '{group.Key}'.");
            var any = false;
            foreach (var (update, position) in group)
            {
                if ((uint)update.Index >= (uint)(bits.Length * 8))
                    throw new ArgumentOutOfRangeException(nameof(updates), update.Index, $"Index outside status list '{group.Key}'.");
                var mask = (byte)(0x80 >> (update.Index & 7));
                var before = (bits[update.Index >> 3] & mask) != 0;
                if (before == update.Value)
                    continue;
                bits[update.Index >> 3] = update.Value ? (byte)(bits[update.Index >> 3] | mask) : (byte)(bits[update.Index >> 3] & ~mask);
                changed[position] = any = true;
            }
            if (any)
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE status_lists SET bitstring = @bits, version = version + 1 WHERE tenant_id = @tenantId AND list_id = @listId",
                    new { bits, tenantId, listId = group.Key }, transaction, cancellationToken: cancellationToken));
        }
        if (audit is not null && changed.Any(c => c))
            await SqlAuditLog.InsertAsync(connection, transaction, SqliteDialect.Instance, audit, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    public async Task SaveSignedAsync(string tenantId, string listId, SignedStatusList signed, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE status_lists SET signed_version = @Version, signed_credential = @Credential, signed_media_type = @MediaType,
                signed_etag = @ETag, signed_at = @SignedAt, signed_valid_until = @ValidUntil
            WHERE tenant_id = @tenantId AND list_id = @listId AND version = @Version
              AND (signed_version IS NULL OR signed_version < @Version OR (signed_version = @Version AND signed_at <= @SignedAt))
            """,
            new
            {
                tenantId,
                listId,
                signed.Version,
                signed.Credential,
                signed.MediaType,
                signed.ETag,
                SignedAt = SqliteText.Time(signed.SignedAt),
                ValidUntil = signed.ValidUntil is { } u ? SqliteText.Time(u) : null,
            },
            cancellationToken: cancellationToken));
    }

    private sealed class OpenListRow
    {
        public string list_id { get; set; } = "";
        public long size { get; set; }
    }

    private sealed class AllocationRow
    {
        public string tenant_id { get; set; } = "";
        public string list_id { get; set; } = "";
        public string purpose { get; set; } = "";
        public string list_type { get; set; } = "";
        public long status_index { get; set; }
        public string credential_id { get; set; } = "";
        public string allocated_at { get; set; } = "";

        public StatusAllocation ToAllocation() => new()
        {
            TenantId = tenant_id,
            ListId = list_id,
            Purpose = purpose,
            ListType = list_type,
            Index = (int)status_index,
            CredentialId = credential_id,
            AllocatedAt = SqliteText.Time(allocated_at),
        };
    }

    private sealed class ListRow
    {
        public string tenant_id { get; set; } = "";
        public string list_id { get; set; } = "";
        public string purpose { get; set; } = "";
        public string list_type { get; set; } = "";
        public long size { get; set; }
        public long allocated { get; set; }
        public byte[] bitstring { get; set; } = [];
        public long version { get; set; }
        public string created_at { get; set; } = "";
        public long? signed_version { get; set; }
        public string? signed_credential { get; set; }
        public string? signed_media_type { get; set; }
        public string? signed_etag { get; set; }
        public string? signed_at { get; set; }
        public string? signed_valid_until { get; set; }

        public StoredStatusList ToList() => new()
        {
            TenantId = tenant_id,
            ListId = list_id,
            Purpose = purpose,
            ListType = list_type,
            Size = (int)size,
            Allocated = (int)allocated,
            Bitstring = bitstring,
            Version = version,
            CreatedAt = SqliteText.Time(created_at),
            Signed = signed_version is { } v && signed_credential is not null && signed_media_type is not null && signed_etag is not null && signed_at is not null
                ? new SignedStatusList
                {
                    Version = v,
                    Credential = signed_credential,
                    MediaType = signed_media_type,
                    ETag = signed_etag,
                    SignedAt = SqliteText.Time(signed_at),
                    ValidUntil = SqliteText.OptionalTime(signed_valid_until),
                }
                : null,
        };
    }
}
