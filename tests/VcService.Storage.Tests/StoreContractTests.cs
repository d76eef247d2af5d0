using FluentAssertions;
using VcService.Api.Tests;
using VcService.Storage.Abstractions;

namespace VcService.Storage.Tests;

/// <summary>
/// What every storage provider must do, written once: each provider's subclass supplies an empty
/// database and opens "instances" (own database object and pool) over it. Times use whole
/// microseconds, the finest both providers keep.
/// </summary>
public abstract partial class StoreContractTests : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = new(2026, 3, 4, 5, 6, 7, 891, 234, TimeSpan.Zero);
    protected readonly ManualTimeProvider Clock = new(T0);
    private readonly List<StoreSet> _instances = [];

    /// <summary>Makes the (empty) database the instances open.</summary>
    protected abstract Task CreateEmptyDatabaseAsync();

    /// <summary>A new "service instance" over the test's database.</summary>
    protected abstract StoreSet OpenInstance(TimeProvider time, int listSize);

    protected abstract Task<long> ScalarAsync(string sql);
    protected abstract Task ExecuteAsync(string sql);
    protected abstract bool IsDatabaseError(Exception e);

    /// <summary>The first instance, migrated, with tenant <c>t1</c>.</summary>
    protected StoreSet Stores { get; private set; } = null!;

    protected StoreSet Instance(int listSize = 131_072)
    {
        var instance = OpenInstance(Clock, listSize);
        _instances.Add(instance);
        return instance;
    }

    public async Task InitializeAsync()
    {
        await CreateEmptyDatabaseAsync();
        Stores = Instance();
        await Stores.Database.MigrateAsync(default);
        (await Stores.Tenants.TryAddAsync(Tenant("t1"), default)).Should().BeTrue();
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
            await instance.DisposeAsync();
    }

    protected static IssuerTenant Tenant(string id) => new()
    {
        Id = id,
        LegalName = new Dictionary<string, string> { ["en"] = $"University {id}", ["fr"] = $"Université {id}" },
        Country = "BE",
        LegalIdentifier = "BE0123456789",
        DeqarId = "DEQARINST0001",
        Homepage = "https://uni.example",
        DefaultProfile = "obv3",
        DefaultFormat = "di",
        ValidationProfile = "strict",
        CreatedAt = T0,
        SuspensionEnabled = true,
    };

    private static IssuedCredential Credential(string id, string? idempotencyKey = null, string tenant = "t1") => new()
    {
        Id = id,
        TenantId = tenant,
        Profile = "elm",
        Format = "jwt",
        RecordJson = "{\"b\":1,\"a\":[2,  3]}",
        Credential = $"eyJ.{id}.sig",
        IssuedAt = T0.AddMinutes(1),
        IdempotencyKey = idempotencyKey,
        RequestHash = idempotencyKey is null ? null : "ab12",
    };

    private static AuditEntry Audit(string action, string? credentialId = null, string tenant = "t1") => new()
    {
        TenantId = tenant, At = T0, ClientId = "key-1", CredentialId = credentialId, Action = action, Reason = "because", Detail = "{\"bits\":[1]}",
    };

    // --- schema ---------------------------------------------------------------------------------

    [ContractFact]
    public async Task Migration_is_idempotent_and_safe_when_instances_start_at_once()
    {
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Instance().Database.MigrateAsync(default))));
        await Stores.Database.MigrateAsync(default);
        (await Stores.Tenants.GetAsync("t1", default)).Should().NotBeNull("migrating again keeps the data");
        (await Stores.Database.IsHealthyAsync(default)).Should().BeTrue();
    }

    [ContractFact]
    public async Task A_named_lock_has_one_holder_at_a_time_across_instances()
    {
        var instances = new[] { Stores, Instance() };
        int inside = 0, most = 0, done = 0;
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            await using (await instances[i % 2].Database.AcquireLockAsync("keys/t1", default))
            {
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref most, now);
                await Task.Delay(2);
                Interlocked.Decrement(ref inside);
                Interlocked.Increment(ref done);
            }
        })));
        done.Should().Be(20);
        most.Should().Be(1, "no two holders overlapped");
        // Another name is independent: holding "a" does not block "b".
        await using var a = await Stores.Database.AcquireLockAsync("a", default);
        await using var b = await instances[1].Database.AcquireLockAsync("b", default);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }

    // --- tenants --------------------------------------------------------------------------------

    [ContractFact]
    public async Task Tenant_round_trips_and_an_existing_id_is_not_overwritten()
    {
        (await Stores.Tenants.GetAsync("t1", default)).Should().BeEquivalentTo(Tenant("t1"));
        (await Stores.Tenants.TryAddAsync(Tenant("t1") with { Country = "NL" }, default)).Should().BeFalse();
        (await Stores.Tenants.GetAsync("t1", default))!.Country.Should().Be("BE");
        (await Stores.Tenants.GetAsync("nope", default)).Should().BeNull();

        await Stores.Tenants.TryAddAsync(Tenant("a2") with { LegalIdentifier = null, DeqarId = null, Homepage = null, ValidationProfile = null, SuspensionEnabled = false }, default);
        await Stores.Tenants.TryAddAsync(Tenant("B3"), default);
        (await Stores.Tenants.ListAsync(default)).Select(t => t.Id).Should().Equal("B3", "a2", "t1");
        (await Stores.Tenants.GetAsync("a2", default)).Should().BeEquivalentTo(Tenant("a2") with { LegalIdentifier = null, DeqarId = null, Homepage = null, ValidationProfile = null, SuspensionEnabled = false });
    }

    // --- signing keys ---------------------------------------------------------------------------

    [ContractFact]
    public async Task Keys_round_trip_oldest_first_and_a_key_id_is_taken_once()
    {
        var k2 = new StoredKey { TenantId = "t1", KeyId = "key-2", KeyType = "P256", PublicKeyMultibase = "zDn2", EncryptedPrivateKey = [9, 8, 7], CreatedAt = T0.AddHours(1), Active = false, RetiredAt = T0.AddHours(2) };
        var k1 = new StoredKey { TenantId = "t1", KeyId = "key-1", KeyType = "Ed25519", PublicKeyMultibase = "z6Mk1", EncryptedPrivateKey = [0, 1, 2, 255], CreatedAt = T0 };
        await Stores.Keys.AddAsync(k2, default);
        await Stores.Keys.AddAsync(k1, default);
        (await Stores.Keys.ListAsync("t1", default)).Should().BeEquivalentTo([k1, k2], o => o.WithStrictOrdering());
        (await Stores.Keys.ListAsync("other", default)).Should().BeEmpty();

        var duplicate = async () => await Stores.Keys.AddAsync(k1 with { PublicKeyMultibase = "z6MkX" }, default);
        (await duplicate.Should().ThrowAsync<Exception>()).Which.Should().Match<Exception>(e => IsDatabaseError(e));
    }

    // --- credentials ----------------------------------------------------------------------------

    [ContractFact]
    public async Task Credential_round_trips_and_is_scoped_to_its_tenant()
    {
        var stored = await Stores.Credentials.InsertOrGetByIdempotencyKeyAsync(Credential("c1"), default);
        stored.Should().BeEquivalentTo(Credential("c1"));
        (await Stores.Credentials.GetAsync("t1", "c1", default)).Should().BeEquivalentTo(Credential("c1"));
        (await Stores.Credentials.GetAsync("t2", "c1", default)).Should().BeNull();
        (await Stores.Credentials.InsertOrGetByIdempotencyKeyAsync(Credential("c2"), default)).Id.Should().Be("c2", "without a key every insert is new");
        (await Stores.Credentials.FindByIdempotencyKeyAsync("t1", "nope", default)).Should().BeNull();
    }

    [ContractFact]
    public async Task A_reused_idempotency_key_returns_the_first_credential()
    {
        await Stores.Credentials.InsertOrGetByIdempotencyKeyAsync(Credential("c1", "key-A"), default);
        var again = await Stores.Credentials.InsertOrGetByIdempotencyKeyAsync(Credential("c2", "key-A") with { Credential = "other" }, default);
        again.Should().BeEquivalentTo(Credential("c1", "key-A"));
        (await Stores.Credentials.GetAsync("t1", "c2", default)).Should().BeNull();
        (await Stores.Credentials.FindByIdempotencyKeyAsync("t1", "key-A", default))!.Id.Should().Be("c1");

        await Stores.Tenants.TryAddAsync(Tenant("t2"), default);
        (await Stores.Credentials.InsertOrGetByIdempotencyKeyAsync(Credential("c3", "key-A", "t2"), default)).Id.Should().Be("c3", "keys are per tenant");
    }

    [ContractFact]
    public async Task Fifty_concurrent_inserts_with_one_idempotency_key_from_two_instances_make_one_credential()
    {
        var instances = new[] { Stores, Instance() };
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() =>
            instances[i % 2].Credentials.InsertOrGetByIdempotencyKeyAsync(Credential($"c{i}", "same-key"), default))));
        results.Select(r => r.Id).Distinct().Should().ContainSingle();
        var winner = results[0].Id;
        (await Stores.Credentials.FindByIdempotencyKeyAsync("t1", "same-key", default))!.Id.Should().Be(winner);
        (await ScalarAsync("SELECT COUNT(*) FROM credentials")).Should().Be(1);
    }

    // --- API keys -------------------------------------------------------------------------------

    [ContractFact]
    public async Task Api_keys_are_found_by_hash_listed_and_revoked_once()
    {
        var key = new StoredApiKey { Id = "k1", TenantId = "t1", SecretHash = "hash1", Scopes = ["credentials:issue", "status:write"], CreatedAt = T0 };
        await Stores.ApiKeys.AddAsync(key, default);
        await Stores.ApiKeys.AddAsync(key with { Id = "k0", SecretHash = "hash0", Scopes = [], CreatedAt = T0.AddSeconds(-1) }, default);
        (await Stores.ApiKeys.FindBySecretHashAsync("hash1", default)).Should().BeEquivalentTo(key);
        (await Stores.ApiKeys.FindBySecretHashAsync("nope", default)).Should().BeNull();
        (await Stores.ApiKeys.ListAsync("t1", default)).Select(k => k.Id).Should().Equal("k0", "k1");

        (await Stores.ApiKeys.RevokeAsync("t2", "k1", T0, default)).Should().BeFalse("another tenant's key");
        (await Stores.ApiKeys.RevokeAsync("t1", "k1", T0.AddDays(1), default)).Should().BeTrue();
        (await Stores.ApiKeys.RevokeAsync("t1", "k1", T0.AddDays(2), default)).Should().BeFalse("already revoked");
        (await Stores.ApiKeys.FindBySecretHashAsync("hash1", default))!.RevokedAt.Should().Be(T0.AddDays(1));

        var duplicate = async () => await Stores.ApiKeys.AddAsync(key with { Id = "k9" }, default);
        (await duplicate.Should().ThrowAsync<Exception>()).Which.Should().Match<Exception>(e => IsDatabaseError(e), "a secret hash is unique");
    }

    // --- status lists ---------------------------------------------------------------------------

    [ContractFact]
    public async Task Allocations_are_recorded_in_order_and_the_list_counts_them()
    {
        var revocation = await Stores.StatusLists.AllocateAsync("t1", "revocation", "BitstringStatusList", "c1", default);
        var suspension = await Stores.StatusLists.AllocateAsync("t1", "suspension", "BitstringStatusList", "c1", default);
        revocation.Should().BeEquivalentTo(new { TenantId = "t1", Purpose = "revocation", ListType = "BitstringStatusList", CredentialId = "c1", AllocatedAt = T0 });
        suspension.ListId.Should().NotBe(revocation.ListId, "each purpose has its own list");
        (await Stores.StatusLists.GetAllocationsAsync("t1", "c1", default)).Should().BeEquivalentTo([revocation, suspension], o => o.WithStrictOrdering());
        (await Stores.StatusLists.GetAllocationsAsync("t2", "c1", default)).Should().BeEmpty();

        var list = (await Stores.StatusLists.GetListAsync("t1", revocation.ListId, default))!;
        list.Should().BeEquivalentTo(new { TenantId = "t1", Purpose = "revocation", ListType = "BitstringStatusList", Size = 131_072, Allocated = 1, Version = 1L, CreatedAt = T0, Signed = (SignedStatusList?)null });
        list.Bitstring.Should().HaveCount(131_072 / 8).And.OnlyContain(b => b == 0);
        (await Stores.StatusLists.GetListAsync("t2", revocation.ListId, default)).Should().BeNull();
        (await Stores.StatusLists.AllocateAsync("t1", "revocation", "StatusList2021", "c2", default)).ListId.Should().NotBe(revocation.ListId, "each list type has its own lists");
    }

    [ContractFact]
    public async Task Thousand_concurrent_allocations_across_two_instances_get_distinct_indices()
    {
        var instances = new[] { Stores, Instance() };
        var allocations = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => Task.Run(() =>
            instances[i % 2].StatusLists.AllocateAsync("t1", "revocation", "BitstringStatusList", $"cred-{i}", default))));
        allocations.Select(a => (a.ListId, a.Index)).Should().OnlyHaveUniqueItems();
        allocations.Select(a => a.ListId).Distinct().Should().ContainSingle("131,072 entries hold 1,000");
        (await ScalarAsync("SELECT COUNT(*) FROM status_allocations")).Should().Be(1000);
        (await ScalarAsync("SELECT COUNT(DISTINCT credential_id) FROM status_allocations")).Should().Be(1000);
        (await Stores.StatusLists.GetListAsync("t1", allocations[0].ListId, default))!.Allocated.Should().Be(1000);
    }

    [ContractFact]
    public async Task A_full_list_is_followed_by_a_new_one_even_with_concurrent_allocators()
    {
        var instances = new[] { Instance(listSize: 16), Instance(listSize: 16), Instance(listSize: 16) };
        var allocations = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            instances[i % 3].StatusLists.AllocateAsync("t1", "revocation", "BitstringStatusList", $"cred-{i}", default))));
        allocations.Select(a => (a.ListId, a.Index)).Should().OnlyHaveUniqueItems();
        allocations.Should().OnlyContain(a => a.Index >= 0 && a.Index < 16);
        var perList = allocations.GroupBy(a => a.ListId).Select(g => g.Count()).OrderDescending().ToList();
        perList.Should().Equal(16, 16, 8);
        foreach (var group in allocations.GroupBy(a => a.ListId))
            (await Stores.StatusLists.GetListAsync("t1", group.Key, default))!.Allocated.Should().Be(group.Count());
    }

    [ContractFact]
    public async Task Set_bits_changes_each_bit_once_bumps_the_version_and_audits_in_the_same_transaction()
    {
        var a = await Stores.StatusLists.AllocateAsync("t1", "revocation", "BitstringStatusList", "c1", default);
        var b = await Stores.StatusLists.AllocateAsync("t1", "suspension", "BitstringStatusList", "c1", default);

        var changed = await Stores.StatusLists.SetBitsAsync("t1", [new(a.ListId, a.Index, true), new(b.ListId, b.Index, true)], Audit("revoke", "c1"), default);
        changed.Should().Equal(true, true);
        var list = (await Stores.StatusLists.GetListAsync("t1", a.ListId, default))!;
        list.Version.Should().Be(2);
        (list.Bitstring[a.Index >> 3] & (0x80 >> (a.Index & 7))).Should().NotBe(0, "index 0 is the most significant bit of byte 0");
        list.Bitstring.Sum(x => System.Numerics.BitOperations.PopCount(x)).Should().Be(1);

        (await Stores.StatusLists.SetBitsAsync("t1", [new(a.ListId, a.Index, true)], Audit("revoke", "c1"), default)).Should().Equal(false);
        (await Stores.StatusLists.GetListAsync("t1", a.ListId, default))!.Version.Should().Be(2, "nothing changed");
        (await Stores.Audit.ListAsync("t1", 10, null, null, default)).Should().ContainSingle("an update that changes nothing is not audited");

        (await Stores.StatusLists.SetBitsAsync("t1", [new(b.ListId, b.Index, false)], null, default)).Should().Equal(true);
        (await Stores.StatusLists.GetListAsync("t1", b.ListId, default))!.Bitstring.Should().OnlyContain(x => x == 0);
    }

    [ContractFact]
    public async Task A_failing_bit_update_changes_nothing_and_audits_nothing()
    {
        var a = await Stores.StatusLists.AllocateAsync("t1", "revocation", "BitstringStatusList", "c1", default);
        var outside = async () => await Stores.StatusLists.SetBitsAsync("t1", [new(a.ListId, a.Index, true), new(a.ListId, 131_072, true)], Audit("revoke"), default);
        await outside.Should().ThrowAsync<ArgumentOutOfRangeException>();
        var missing = async () => await Stores.StatusLists.SetBitsAsync("t1", [new(a.ListId, a.Index, true), new("zzz-no-list", 1, true)], Audit("revoke"), default);
        await missing.Should().ThrowAsync<InvalidOperationException>();

        var list = (await Stores.StatusLists.GetListAsync("t1", a.ListId, default))!;
        list.Version.Should().Be(1);
        list.Bitstring.Should().OnlyContain(x => x == 0);
        (await Stores.Audit.ListAsync("t1", 10, null, null, default)).Should().BeEmpty();
    }

    [ContractFact]
    public async Task Concurrent_bit_updates_from_two_instances_lose_nothing()
    {
        var instances = new[] { Stores, Instance() };
        var allocations = new List<StatusAllocation>();
        for (var i = 0; i < 60; i++)
            allocations.Add(await Stores.StatusLists.AllocateAsync("t1", "revocation", "BitstringStatusList", $"c{i}", default));
        var results = await Task.WhenAll(allocations.Select((a, i) => Task.Run(() =>
            instances[i % 2].StatusLists.SetBitsAsync("t1", [new(a.ListId, a.Index, true)], Audit("revoke", a.CredentialId), default))));
        results.Should().OnlyContain(r => r.Single());

        var list = (await Stores.StatusLists.GetListAsync("t1", allocations[0].ListId, default))!;
        list.Bitstring.Sum(x => System.Numerics.BitOperations.PopCount(x)).Should().Be(60, "no update overwrote another");
        list.Version.Should().Be(61);
        (await Stores.Audit.ListAsync("t1", 1000, null, null, default)).Should().HaveCount(60);
    }

    [ContractFact]
    public async Task The_signed_form_is_kept_only_for_the_current_version()
    {
        var a = await Stores.StatusLists.AllocateAsync("t1", "revocation", "BitstringStatusList", "c1", default);
        var signed = new SignedStatusList { Version = 1, Credential = "eyJ.v1", MediaType = "application/vc+jwt", ETag = "\"v1\"", SignedAt = T0, ValidUntil = T0.AddDays(1) };
        await Stores.StatusLists.SaveSignedAsync("t1", a.ListId, signed, default);
        (await Stores.StatusLists.GetListAsync("t1", a.ListId, default))!.Signed.Should().BeEquivalentTo(signed);

        await Stores.StatusLists.SaveSignedAsync("t1", a.ListId, signed with { Credential = "older", SignedAt = T0.AddSeconds(-5) }, default);
        (await Stores.StatusLists.GetListAsync("t1", a.ListId, default))!.Signed!.Credential.Should().Be("eyJ.v1", "an older signing of the same version does not replace a newer one");

        await Stores.StatusLists.SetBitsAsync("t1", [new(a.ListId, a.Index, true)], null, default);
        await Stores.StatusLists.SaveSignedAsync("t1", a.ListId, signed with { Credential = "stale" }, default);
        (await Stores.StatusLists.GetListAsync("t1", a.ListId, default))!.Signed!.Credential.Should().Be("eyJ.v1", "version 1 is no longer current");

        var v2 = signed with { Version = 2, Credential = "eyJ.v2", ValidUntil = null, SignedAt = T0.AddMinutes(1) };
        await Stores.StatusLists.SaveSignedAsync("t1", a.ListId, v2, default);
        (await Stores.StatusLists.GetListAsync("t1", a.ListId, default))!.Signed.Should().BeEquivalentTo(v2);
    }

    // --- audit log ------------------------------------------------------------------------------

    [ContractFact]
    public async Task Audit_log_lists_newest_first_pages_and_filters()
    {
        var appended = new List<AuditEntry>();
        for (var i = 0; i < 5; i++)
            appended.Add(await Stores.Audit.AppendAsync(Audit($"a{i}", i % 2 == 0 ? "even" : "odd"), default));
        await Stores.Audit.AppendAsync(Audit("other", tenant: "t2"), default);
        appended.Select(e => e.Sequence).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems().And.OnlyContain(s => s > 0);

        var all = await Stores.Audit.ListAsync("t1", 100, null, null, default);
        all.Select(e => e.Action).Should().Equal("a4", "a3", "a2", "a1", "a0");
        all[0].Should().BeEquivalentTo(appended[4]);
        (await Stores.Audit.ListAsync("t1", 2, null, null, default)).Select(e => e.Action).Should().Equal("a4", "a3");
        (await Stores.Audit.ListAsync("t1", 2, appended[3].Sequence, null, default)).Select(e => e.Action).Should().Equal("a2", "a1");
        (await Stores.Audit.ListAsync("t1", 100, null, "odd", default)).Select(e => e.Action).Should().Equal("a3", "a1");
        (await Stores.Audit.ListAsync("t1", 0, null, null, default)).Should().HaveCount(1, "the limit is at least 1");
    }

    [ContractFact]
    public async Task Audit_log_refuses_update_and_delete()
    {
        await Stores.Audit.AppendAsync(Audit("revoke"), default);
        var update = async () => await ExecuteAsync("UPDATE audit_log SET action = 'forged'");
        (await update.Should().ThrowAsync<Exception>()).Which.Message.Should().Contain("append-only");
        var delete = async () => await ExecuteAsync("DELETE FROM audit_log");
        (await delete.Should().ThrowAsync<Exception>()).Which.Message.Should().Contain("append-only");
        (await Stores.Audit.ListAsync("t1", 10, null, null, default)).Single().Action.Should().Be("revoke");
    }

    // --- restart --------------------------------------------------------------------------------

    [ContractFact]
    public async Task Everything_survives_a_restart()
    {
        var key = new StoredKey { TenantId = "t1", KeyId = "key-1", KeyType = "Ed25519", PublicKeyMultibase = "z6Mk1", EncryptedPrivateKey = [1, 2, 3], CreatedAt = T0 };
        await Stores.Keys.AddAsync(key, default);
        await Stores.Credentials.InsertOrGetByIdempotencyKeyAsync(Credential("c1", "idem"), default);
        await Stores.ApiKeys.AddAsync(new StoredApiKey { Id = "k1", TenantId = "t1", SecretHash = "h", Scopes = ["x"], CreatedAt = T0 }, default);
        var a = await Stores.StatusLists.AllocateAsync("t1", "revocation", "BitstringStatusList", "c1", default);
        await Stores.StatusLists.SetBitsAsync("t1", [new(a.ListId, a.Index, true)], Audit("revoke", "c1"), default);
        foreach (var instance in _instances)
            await instance.DisposeAsync();
        _instances.Clear();

        var restarted = Instance();
        await restarted.Database.MigrateAsync(default);
        (await restarted.Tenants.GetAsync("t1", default)).Should().BeEquivalentTo(Tenant("t1"));
        (await restarted.Keys.ListAsync("t1", default)).Should().BeEquivalentTo([key]);
        (await restarted.Credentials.FindByIdempotencyKeyAsync("t1", "idem", default)).Should().BeEquivalentTo(Credential("c1", "idem"));
        (await restarted.ApiKeys.FindBySecretHashAsync("h", default))!.Id.Should().Be("k1");
        (await restarted.StatusLists.GetAllocationsAsync("t1", "c1", default)).Should().BeEquivalentTo([a]);
        var list = (await restarted.StatusLists.GetListAsync("t1", a.ListId, default))!;
        list.Version.Should().Be(2);
        (list.Bitstring[a.Index >> 3] & (0x80 >> (a.Index & 7))).Should().NotBe(0);
        (await restarted.Audit.ListAsync("t1", 10, null, "c1", default)).Single().Action.Should().Be("revoke");
        var next = await restarted.StatusLists.AllocateAsync("t1", "revocation", "BitstringStatusList", "c2", default);
        next.ListId.Should().Be(a.ListId, "the open list is reused after a restart");
        next.Index.Should().NotBe(a.Index);
    }
}
