using System.Data.Common;
using System.Security.Cryptography;
using Dapper;
using VcService.Storage.Abstractions;

namespace VcService.Storage.Sql;

/// <summary>
/// Status lists. Allocation and bit changes run in write transactions that exclude each other
/// where it matters. SQLite (<c>BEGIN IMMEDIATE</c>) admits one writer at a time, so a
/// read-modify-write of a list cannot interleave with another. PostgreSQL, shared by every
/// instance, first takes a transaction-scoped advisory lock on (tenant, purpose, list type) for an
/// allocation: allocators of that family, on any connection of any instance, run one at a time,
/// so exactly one of them opens a new list when the open one fills; bit changes lock the list
/// rows (<c>FOR UPDATE</c>, in list id order, so two updates never deadlock). The primary key of
/// <c>status_allocations</c> makes reuse impossible regardless, and the audit entry of a bit
/// change is written in the same transaction.
/// </summary>
public sealed class SqlStatusListStore(SqlDatabase database, StatusListStoreOptions options, TimeProvider time) : IStatusListStore
{
    public SqlStatusListStore(SqlDatabase database, TimeProvider time) : this(database, new StatusListStoreOptions(), time) { }

    /// <summary>The index source: uniform in [0, n) from a CSPRNG, so indices reveal nothing about issue order.</summary>
    public Func<int, int> NextIndex { get; init; } = RandomNumberGenerator.GetInt32;

    private SqlDialect Dialect => database.Dialect;

    public async Task<StatusAllocation> AllocateAsync(string tenantId, string purpose, string listType, string credentialId, CancellationToken cancellationToken)
    {
        if (options.ListSize <= 0 || options.ListSize % 8 != 0)
            throw new InvalidOperationException($"Status list size {options.ListSize} is not a positive multiple of 8.");
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await Dialect.BeginWriteTransactionAsync(connection, cancellationToken);
        var now = Dialect.AsStored(time.GetUtcNow());

        // 0) One allocator per (tenant, purpose, list type) at a time, across instances; released at commit.
        await Dialect.LockUntilCommitAsync(transaction, $"status-allocation\n{tenantId}\n{purpose}\n{listType}", cancellationToken);

        // 1) The open list (oldest with room), or a new one.
        var row = await connection.QueryFirstOrDefaultAsync<OpenListRow>(new CommandDefinition(
            $"SELECT list_id, size FROM status_lists WHERE tenant_id = @tenantId AND purpose = @purpose AND list_type = @listType AND allocated < size ORDER BY {Dialect.InsertionOrder} LIMIT 1",
            new { tenantId, purpose, listType }, transaction, cancellationToken: cancellationToken));
        var open = row is null ? (ListId: (string?)null, Size: 0) : (ListId: row.list_id, Size: row.size);
        if (open.ListId is null)
        {
            open = (NewListId(), options.ListSize);
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO status_lists (tenant_id, list_id, purpose, list_type, size, allocated, bitstring, version, created_at) VALUES (@tenantId, @listId, @purpose, @listType, @size, 0, @bitstring, 1, @createdAt)",
                new { tenantId, listId = open.ListId, purpose, listType, size = open.Size, bitstring = new byte[open.Size / 8], createdAt = Dialect.Time(now) },
                transaction, cancellationToken: cancellationToken));
        }

        // 2) A random index; on collision draw again, then fall back to a uniform pick among the free ones.
        var index = -1;
        for (var attempt = 0; attempt < options.RandomAttempts && index < 0; attempt++)
        {
            var candidate = NextIndex(open.Size);
            if (await TryInsertAllocationAsync(transaction, tenantId, open.ListId, candidate, credentialId, now, cancellationToken))
                index = candidate;
        }
        if (index < 0)
        {
            var taken = (await connection.QueryAsync<int>(new CommandDefinition(
                "SELECT status_index FROM status_allocations WHERE tenant_id = @tenantId AND list_id = @listId ORDER BY status_index",
                new { tenantId, listId = open.ListId }, transaction, cancellationToken: cancellationToken))).ToList();
            var free = open.Size - taken.Count;
            if (free <= 0)
                throw new InvalidOperationException($"Status list {open.ListId} is full but was counted as open.");
            index = NthFree(taken, NextIndex(free));
            if (!await TryInsertAllocationAsync(transaction, tenantId, open.ListId, index, credentialId, now, cancellationToken))
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

    private async Task<bool> TryInsertAllocationAsync(DbTransaction transaction, string tenantId, string listId,
        int index, string credentialId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "INSERT INTO status_allocations (tenant_id, list_id, status_index, credential_id, allocated_at) VALUES (@tenantId, @listId, @index, @credentialId, @at) ON CONFLICT (tenant_id, list_id, status_index) DO NOTHING",
            new { tenantId, listId, index, credentialId, at = Dialect.Time(now) }, transaction, cancellationToken: cancellationToken)) == 1;

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
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AllocationRow>(new CommandDefinition(
            $"""
            SELECT a.tenant_id, a.list_id, l.purpose, l.list_type, a.status_index, a.credential_id, a.allocated_at
            FROM status_allocations a JOIN status_lists l ON l.tenant_id = a.tenant_id AND l.list_id = a.list_id
            WHERE a.tenant_id = @tenantId AND a.credential_id = @credentialId
            ORDER BY a.{Dialect.InsertionOrder}
            """,
            new { tenantId, credentialId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToAllocation(Dialect)).ToList();
    }

    public async Task<StoredStatusList?> GetListAsync(string tenantId, string listId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ListRow>(new CommandDefinition(
            """
            SELECT tenant_id, list_id, purpose, list_type, size, allocated, bitstring, version, created_at,
                   signed_version, signed_credential, signed_media_type, signed_etag, signed_at, signed_valid_until
            FROM status_lists WHERE tenant_id = @tenantId AND list_id = @listId
            """,
            new { tenantId, listId }, cancellationToken: cancellationToken));
        return row?.ToList(Dialect);
    }

    public async Task<IReadOnlyList<bool>> SetBitsAsync(string tenantId, IReadOnlyList<StatusBitUpdate> updates, AuditEntry? audit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await Dialect.BeginWriteTransactionAsync(connection, cancellationToken);
        var changed = new bool[updates.Count];
        // Lists are locked in one global order (ordinal list id), so concurrent updates of several lists cannot deadlock.
        foreach (var group in updates.Select((u, i) => (Update: u, Position: i)).GroupBy(x => x.Update.ListId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var bits = await connection.QuerySingleOrDefaultAsync<byte[]>(new CommandDefinition(
                $"SELECT bitstring FROM status_lists WHERE tenant_id = @tenantId AND list_id = @listId{Dialect.ForUpdate}",
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
            await SqlAuditLog.InsertAsync(connection, transaction, Dialect, audit, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    public async Task SaveSignedAsync(string tenantId, string listId, SignedStatusList signed, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
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
                SignedAt = Dialect.Time(signed.SignedAt),
                ValidUntil = Dialect.Time(signed.ValidUntil),
            },
            cancellationToken: cancellationToken));
    }

    private sealed class OpenListRow
    {
        public string list_id { get; set; } = "";
        public int size { get; set; }
    }

    private sealed class AllocationRow
    {
        public string tenant_id { get; set; } = "";
        public string list_id { get; set; } = "";
        public string purpose { get; set; } = "";
        public string list_type { get; set; } = "";
        public int status_index { get; set; }
        public string credential_id { get; set; } = "";
        public object allocated_at { get; set; } = "";

        public StatusAllocation ToAllocation(SqlDialect dialect) => new()
        {
            TenantId = tenant_id,
            ListId = list_id,
            Purpose = purpose,
            ListType = list_type,
            Index = status_index,
            CredentialId = credential_id,
            AllocatedAt = dialect.ReadTime(allocated_at),
        };
    }

    private sealed class ListRow
    {
        public string tenant_id { get; set; } = "";
        public string list_id { get; set; } = "";
        public string purpose { get; set; } = "";
        public string list_type { get; set; } = "";
        public int size { get; set; }
        public int allocated { get; set; }
        public byte[] bitstring { get; set; } = [];
        public long version { get; set; }
        public object created_at { get; set; } = "";
        public long? signed_version { get; set; }
        public string? signed_credential { get; set; }
        public string? signed_media_type { get; set; }
        public string? signed_etag { get; set; }
        public object? signed_at { get; set; }
        public object? signed_valid_until { get; set; }

        public StoredStatusList ToList(SqlDialect dialect) => new()
        {
            TenantId = tenant_id,
            ListId = list_id,
            Purpose = purpose,
            ListType = list_type,
            Size = size,
            Allocated = allocated,
            Bitstring = bitstring,
            Version = version,
            CreatedAt = dialect.ReadTime(created_at),
            Signed = signed_version is { } v && signed_credential is not null && signed_media_type is not null && signed_etag is not null && signed_at is not null
                ? new SignedStatusList
                {
                    Version = v,
                    Credential = signed_credential,
                    MediaType = signed_media_type,
                    ETag = signed_etag,
                    SignedAt = dialect.ReadTime(signed_at),
                    ValidUntil = dialect.ReadOptionalTime(signed_valid_until),
                }
                : null,
        };
    }
}
