using FluentAssertions;
using VcService.MicroCredentials.Trust;
using VcService.Storage.Abstractions;

namespace VcService.Storage.Tests;

/// <summary>The stores' admin operations (tenant update, key rotation and retirement) and the DEQAR register.</summary>
public abstract partial class StoreContractTests
{
    [ContractFact]
    public async Task Tenant_update_replaces_the_details_but_keeps_id_and_creation_time()
    {
        var updated = Tenant("t1") with
        {
            LegalName = new Dictionary<string, string> { ["de"] = "Neu" },
            Country = "DE",
            LegalIdentifiers = new Dictionary<string, string> { [LegalIdentifierKinds.Vat] = "DE123", [LegalIdentifierKinds.Eter] = "DE0001" },
            Region = "DE21",
            KeyType = "P256",
            UpdatedAt = T0.AddDays(3),
            SuspensionEnabled = false,
            CreatedAt = T0.AddYears(-1),
        };
        (await Stores.Tenants.UpdateAsync(updated, default)).Should().BeTrue();
        (await Stores.Tenants.GetAsync("t1", default)).Should().BeEquivalentTo(updated with { CreatedAt = T0 });
        (await Stores.Tenants.UpdateAsync(updated with { Id = "nope" }, default)).Should().BeFalse();
        (await Stores.Tenants.GetAsync("nope", default)).Should().BeNull();
    }

    [ContractFact]
    public async Task Key_rotation_deactivates_the_others_of_its_type_and_retirement_happens_once()
    {
        StoredKey Key(string id, string type, int minutes) => new()
        {
            TenantId = "t1", KeyId = id, KeyType = type, PublicKeyMultibase = "z" + id, EncryptedPrivateKey = [1], CreatedAt = T0.AddMinutes(minutes),
        };
        await Stores.Keys.AddAsync(Key("key-1", "Ed25519", 0), default);
        await Stores.Keys.AddAsync(Key("key-2", "P256", 1), default);
        await Stores.Keys.AddAsync(Key("key-3", "Ed25519", 2), default);
        await Stores.Keys.DeactivateOthersAsync("t1", "Ed25519", "key-3", default);
        (await Stores.Keys.ListAsync("t1", default)).Select(k => (k.KeyId, k.Active)).Should().Equal(("key-1", false), ("key-2", true), ("key-3", true));

        (await Stores.Keys.RetireAsync("t1", "key-2", T0.AddDays(1), T0.AddHours(5), "leaked", default)).Should().BeTrue();
        (await Stores.Keys.RetireAsync("t1", "key-2", T0.AddDays(2), null, "again", default)).Should().BeFalse("already retired");
        (await Stores.Keys.RetireAsync("t2", "key-3", T0, null, null, default)).Should().BeFalse("another tenant's key");
        var retired = (await Stores.Keys.ListAsync("t1", default)).Single(k => k.KeyId == "key-2");
        retired.Should().BeEquivalentTo(new { Active = false, RetiredAt = (DateTimeOffset?)T0.AddDays(1), CompromisedAt = (DateTimeOffset?)T0.AddHours(5), RetireReason = "leaked" });
        retired.RevokedFrom.Should().Be(T0.AddHours(5));
    }

    private static DeqarInstitution Institution(string id, string? eter = null, params string[] identifiers) => new()
    {
        DeqarId = id,
        EterId = eter,
        NamePrimary = $"Institution {id}",
        NameOfficial = $"Institut {id}",
        Acronym = "INS",
        Country = "DE",
        City = "Aachen",
        WebsiteLink = "https://ins.example",
        Identifiers = identifiers.Select(i => new DeqarIdentifier(i, "national")).ToList(),
    };

    [ContractFact]
    public async Task Deqar_import_replaces_everything_and_is_found_by_id_eter_id_and_identifier()
    {
        (await Stores.Deqar.GetImportInfoAsync(default)).Should().BeNull();
        var first = new[] { Institution("DEQARINST0382", "DE0001", "de 123 45", "AB-9"), Institution("DEQARINST0312", null, "X1") };
        await Stores.Deqar.ReplaceAllAsync(first, new DeqarImportInfo("first.csv", T0, 2), default);
        (await Stores.Deqar.FindByDeqarIdAsync("DEQARINST0382", default)).Should().BeEquivalentTo(first[0]);
        (await Stores.Deqar.FindByIdentifierAsync("de0001", default)).Select(i => i.DeqarId).Should().Equal("DEQARINST0382");
        (await Stores.Deqar.FindByIdentifierAsync("DE12345", default)).Select(i => i.DeqarId).Should().Equal("DEQARINST0382");
        (await Stores.Deqar.GetImportInfoAsync(default)).Should().Be(new DeqarImportInfo("first.csv", T0, 2));

        await Stores.Deqar.ReplaceAllAsync([Institution("DEQARINST0001", "X1")], new DeqarImportInfo("second.csv", T0.AddDays(1), 1), default);
        (await Stores.Deqar.FindByDeqarIdAsync("DEQARINST0382", default)).Should().BeNull("an import replaces the whole register");
        (await Stores.Deqar.FindByIdentifierAsync("AB-9", default)).Should().BeEmpty();
        (await Stores.Deqar.FindByIdentifierAsync("x1", default)).Select(i => i.DeqarId).Should().Equal("DEQARINST0001");
        (await Stores.Deqar.GetImportInfoAsync(default))!.Source.Should().Be("second.csv");
    }

    [ContractFact]
    public async Task Concurrent_deqar_imports_from_two_instances_leave_one_complete_register()
    {
        var instances = new[] { Stores, Instance() };
        var imports = Enumerable.Range(0, 4).Select(n => Enumerable.Range(0, 30).Select(i => Institution($"DEQARINST{n}{i:000}", null, $"ID-{n}-{i}")).ToList()).ToList();
        await Task.WhenAll(imports.Select((list, n) => Task.Run(() =>
            instances[n % 2].Deqar.ReplaceAllAsync(list, new DeqarImportInfo($"import-{n}.csv", T0, list.Count), default))));
        var info = (await Stores.Deqar.GetImportInfoAsync(default))!;
        var winner = int.Parse(info.Source["import-".Length..^".csv".Length]);
        (await ScalarAsync("SELECT COUNT(*) FROM deqar_institutions")).Should().Be(30);
        foreach (var institution in imports[winner])
            (await Stores.Deqar.FindByDeqarIdAsync(institution.DeqarId, default)).Should().NotBeNull("the register holds exactly the last import");
    }
}
