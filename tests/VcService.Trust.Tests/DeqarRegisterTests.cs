using FluentAssertions;
using VcService.MicroCredentials.Trust;

namespace VcService.Trust.Tests;

public sealed class DeqarRegisterTests
{
    [Fact]
    public async Task Finds_by_deqar_id_eter_id_and_identifiers_ignoring_white_space()
    {
        var register = await TestRegister.CreateAsync();
        (await register.FindByDeqarIdAsync("DEQARINST0382", CancellationToken.None))!.NamePrimary.Should().Be("Aachen University");
        (await register.FindByDeqarIdAsync("DEQARINST4242", CancellationToken.None)).Should().BeNull();
        (await register.FindByIdentifierAsync("de0069", CancellationToken.None)).Single().DeqarId.Should().Be("DEQARINST0382");
        var byVat = await register.FindByIdentifierAsync("DE 811 193 231", CancellationToken.None);
        byVat.Single().DeqarId.Should().Be("DEQARINST0312");
        byVat[0].Identifiers.Should().HaveCount(2);
        var info = await register.GetImportInfoAsync(CancellationToken.None);
        info!.Institutions.Should().Be(16);
        info.Source.Should().Be("deqar-institutions.csv");
    }

    [Fact]
    public async Task An_import_replaces_the_previous_data()
    {
        var directory = Api.Tests.ServiceFactory.NewDataDirectory();
        await TestRegister.CreateAsync(dataDirectory: directory);
        var register = await TestRegister.CreateAsync(
            [new DeqarInstitution { DeqarId = "DEQARINST0001", NamePrimary = "Only One", Country = "AT", Identifiers = [new DeqarIdentifier("ATU123", "VAT")] }],
            directory);
        (await register.FindByDeqarIdAsync("DEQARINST0312", CancellationToken.None)).Should().BeNull();
        (await register.FindByIdentifierAsync("DE811193231", CancellationToken.None)).Should().BeEmpty();
        (await register.FindByIdentifierAsync("ATU123", CancellationToken.None)).Single().NamePrimary.Should().Be("Only One");
        (await register.GetImportInfoAsync(CancellationToken.None))!.Institutions.Should().Be(1);
    }
}
