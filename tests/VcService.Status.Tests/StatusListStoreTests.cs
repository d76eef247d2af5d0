using Dapper;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using VcService.Storage.Abstractions;
using VcService.Storage.Sql;
using VcService.Storage.Sqlite;

namespace VcService.Status.Tests;

public sealed class StatusListStoreTests : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "vcservice-tests", Guid.NewGuid().ToString("N"), "vcservice.db");
    private SqliteDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = new SqliteDatabase(_path);
        await _database.MigrateAsync(CancellationToken.None);
        await new SqlTenantStore(_database).TryAddAsync(new IssuerTenant
        {
            Id = "t1", LegalName = new Dictionary<string, string> { ["en"] = "T1" }, Country = "BE", CreatedAt = DateTimeOffset.UnixEpoch, SuspensionEnabled = true,
        }, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private SqlStatusListStore Store(int size = 131_072) => new(_database, new StatusListStoreOptions { ListSize = size }, TimeProvider.System);

    [Fact]
    public async Task Tenant_flag_round_trips()
    {
        (await new SqlTenantStore(_database).GetAsync("t1", CancellationToken.None))!.SuspensionEnabled.Should().BeTrue();
    }

    [Fact]
    public async Task Indices_are_random_not_sequential()
    {
        var store = Store();
        var indices = new List<int>();
        for (var i = 0; i < 50; i++)
            indices.Add((await store.AllocateAsync("t1", "revocation", "StatusList2021", $"c{i}", default)).Index);
        indices.Should().OnlyHaveUniqueItems();
        indices.Should().NotBeInAscendingOrder();
        indices.Max().Should().BeGreaterThan(10_000, "50 uniform draws from 131,072 spread over the list");
    }

    [Fact]
    public async Task Thousand_concurrent_allocations_get_distinct_indices_and_none_is_lost()
    {
        var store = Store();
        var tasks = Enumerable.Range(0, 1000).Select(i => Task.Run(() => store.AllocateAsync("t1", "revocation", "StatusList2021", $"cred-{i}", default)));
        var allocations = await Task.WhenAll(tasks);
        allocations.Select(a => (a.ListId, a.Index)).Should().OnlyHaveUniqueItems();
        await using var connection = await _database.OpenAsync(default);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM status_allocations")).Should().Be(1000);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(DISTINCT credential_id) FROM status_allocations")).Should().Be(1000);
        (await connection.ExecuteScalarAsync<long>("SELECT allocated FROM status_lists")).Should().Be(1000);
    }

    [Fact]
    public async Task A_full_list_is_followed_by_a_new_one_and_no_index_is_reused()
    {
        var store = Store(size: 16);
        var allocations = new List<StatusAllocation>();
        for (var i = 0; i < 40; i++)
            allocations.Add(await store.AllocateAsync("t1", "revocation", "StatusList2021", $"c{i}", default));
        var lists = allocations.GroupBy(a => a.ListId).ToList();
        lists.Should().HaveCount(3);
        lists[0].Select(a => a.Index).Should().BeEquivalentTo(Enumerable.Range(0, 16), "the fallback picks among the free indices until the list is full");
        lists[1].Select(a => a.Index).Should().BeEquivalentTo(Enumerable.Range(0, 16));
        lists[2].Select(a => a.Index).Should().OnlyHaveUniqueItems().And.HaveCount(8);
    }

    [Fact]
    public async Task Lists_are_separate_per_purpose_and_type()
    {
        var store = Store();
        var a = await store.AllocateAsync("t1", "revocation", "StatusList2021", "c1", default);
        var b = await store.AllocateAsync("t1", "suspension", "StatusList2021", "c1", default);
        var c = await store.AllocateAsync("t1", "revocation", "BitstringStatusList", "c1", default);
        new[] { a.ListId, b.ListId, c.ListId }.Should().OnlyHaveUniqueItems();
        var entries = await store.GetAllocationsAsync("t1", "c1", default);
        entries.Select(e => (e.Purpose, e.ListType, e.Index)).Should().Equal((a.Purpose, a.ListType, a.Index), (b.Purpose, b.ListType, b.Index), (c.Purpose, c.ListType, c.Index));
    }

    [Theory]
    [InlineData(new int[0], 0, 0)]
    [InlineData(new[] { 0, 1 }, 0, 2)]
    [InlineData(new[] { 1 }, 1, 2)]
    [InlineData(new[] { 0, 2, 4 }, 2, 5)]
    [InlineData(new[] { 5, 6 }, 4, 4)]
    public void NthFree_skips_taken_indices(int[] taken, int n, int expected) =>
        SqlStatusListStore.NthFree(taken, n).Should().Be(expected);

    [Fact]
    public async Task Setting_bits_bumps_the_version_writes_the_audit_entry_and_survives_a_restart()
    {
        var store = Store();
        var a = await store.AllocateAsync("t1", "revocation", "StatusList2021", "c1", default);
        var before = (await store.GetListAsync("t1", a.ListId, default))!;
        before.Bitstring.Should().HaveCount(16_384).And.OnlyContain(b => b == 0);

        var audit = new AuditEntry { TenantId = "t1", At = DateTimeOffset.UtcNow, ClientId = "key-1", CredentialId = "c1", Action = "revoke", Reason = "fraud" };
        (await store.SetBitsAsync("t1", [new StatusBitUpdate(a.ListId, a.Index, true)], audit, default)).Should().Equal(true);
        (await store.SetBitsAsync("t1", [new StatusBitUpdate(a.ListId, a.Index, true)], audit, default)).Should().Equal(false);

        // A restart: a new database object over the same file.
        var reopened = new SqlStatusListStore(new SqliteDatabase(_path), TimeProvider.System);
        var after = (await reopened.GetListAsync("t1", a.ListId, default))!;
        after.Version.Should().Be(before.Version + 1, "only the change bumps the version");
        (after.Bitstring[a.Index >> 3] & (0x80 >> (a.Index & 7))).Should().NotBe(0);
        after.Bitstring.Count(b => b != 0).Should().Be(1);

        var log = await new SqlAuditLog(new SqliteDatabase(_path)).ListAsync("t1", 10, null, null, default);
        log.Should().ContainSingle().Which.Should().BeEquivalentTo(audit, o => o.Excluding(e => e.Sequence).Excluding(e => e.At));
    }

    [Fact]
    public async Task Signed_form_is_cached_for_the_current_version_only()
    {
        var store = Store();
        var a = await store.AllocateAsync("t1", "revocation", "StatusList2021", "c1", default);
        var list = (await store.GetListAsync("t1", a.ListId, default))!;
        var signed = new SignedStatusList { Version = list.Version, Credential = "jwt-v1", MediaType = "application/jwt", ETag = "\"e1\"", SignedAt = DateTimeOffset.UtcNow };
        await store.SaveSignedAsync("t1", a.ListId, signed, default);
        (await store.GetListAsync("t1", a.ListId, default))!.Signed!.Credential.Should().Be("jwt-v1");

        await store.SetBitsAsync("t1", [new StatusBitUpdate(a.ListId, a.Index, true)], null, default);
        await store.SaveSignedAsync("t1", a.ListId, signed with { Credential = "stale" }, default);
        var after = (await store.GetListAsync("t1", a.ListId, default))!;
        after.Signed!.Version.Should().Be(list.Version, "a signature of an old version is not stored over the cache");
        after.Signed.Credential.Should().Be("jwt-v1");
        after.Version.Should().BeGreaterThan(after.Signed.Version);
    }

    [Fact]
    public async Task Audit_log_is_append_only()
    {
        var log = new SqlAuditLog(_database);
        var first = await log.AppendAsync(new AuditEntry { TenantId = "t1", At = DateTimeOffset.UtcNow, ClientId = "k", Action = "revoke" }, default);
        var second = await log.AppendAsync(new AuditEntry { TenantId = "t1", At = DateTimeOffset.UtcNow, ClientId = "k", Action = "suspend", CredentialId = "c9" }, default);
        second.Sequence.Should().BeGreaterThan(first.Sequence);
        (await log.ListAsync("t1", 10, null, null, default)).Select(e => e.Action).Should().Equal("suspend", "revoke");
        (await log.ListAsync("t1", 10, null, "c9", default)).Should().ContainSingle();
        (await log.ListAsync("t1", 10, second.Sequence, null, default)).Should().ContainSingle().Which.Action.Should().Be("revoke");

        await using var connection = await _database.OpenAsync(default);
        var update = () => connection.ExecuteAsync("UPDATE audit_log SET reason = 'rewritten'");
        var delete = () => connection.ExecuteAsync("DELETE FROM audit_log");
        (await update.Should().ThrowAsync<SqliteException>()).WithMessage("*append-only*");
        (await delete.Should().ThrowAsync<SqliteException>()).WithMessage("*append-only*");
        (await log.ListAsync("t1", 10, null, null, default)).Should().HaveCount(2);
    }
}

public sealed class SchemaMigrationTests
{
    [Fact]
    public async Task A_database_from_before_the_suspension_flag_gets_the_column()
    {
        var path = Path.Combine(Path.GetTempPath(), "vcservice-tests", Guid.NewGuid().ToString("N"), "vcservice.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var old = new SqliteConnection($"Data Source={path}"))
        {
            await old.OpenAsync();
            await old.ExecuteAsync("""
                CREATE TABLE tenants (id TEXT PRIMARY KEY, legal_name_json TEXT NOT NULL, country TEXT NOT NULL, legal_identifier TEXT NULL,
                    deqar_id TEXT NULL, homepage TEXT NULL, default_profile TEXT NOT NULL, default_format TEXT NOT NULL,
                    validation_profile TEXT NULL, created_at TEXT NOT NULL);
                INSERT INTO tenants VALUES ('old', '{"en":"Old"}', 'BE', NULL, NULL, NULL, 'elm', 'jwt', NULL, '2026-01-01T00:00:00.0000000Z');
                """);
        }
        SqliteConnection.ClearAllPools();
        var database = new SqliteDatabase(path);
        await database.MigrateAsync(default);
        await database.MigrateAsync(default); // idempotent
        var tenant = await new SqlTenantStore(database).GetAsync("old", default);
        tenant!.SuspensionEnabled.Should().BeFalse();
    }
}
