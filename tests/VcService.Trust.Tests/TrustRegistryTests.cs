using System.Text.Json.Nodes;
using FluentAssertions;
using VcService.Api.Tests;
using VcService.Credentials.Verification;
using VcService.MicroCredentials.Trust;

namespace VcService.Trust.Tests;

public sealed class TrustRegistryTests
{
    private static readonly string ListFile = Path.Combine(TestData.RepoRoot, "samples", "trust", "trusted-issuers.json");

    private static TrustedIssuerList SampleList()
    {
        var (entries, readErrors) = TrustedIssuerList.ReadFile(ListFile);
        readErrors.Should().BeEmpty();
        var (list, errors) = TrustedIssuerList.Create(entries, "trusted-issuers.json");
        errors.Should().BeEmpty();
        return list!;
    }

    [Fact]
    public async Task A_listed_did_is_recognised_with_the_lists_data()
    {
        var registry = new TrustRegistry([SampleList()]);
        var lookup = await registry.LookupAsync(IssuerClaims.ForDid("did:web:badges.example-academy.eu"), CancellationToken.None);
        lookup.Issuer!.Kind.Should().Be(RecognitionKinds.List);
        lookup.Issuer.LegalName["en"].Should().Be("Example Academy of Continuing Education");
        lookup.Issuer.Country.Should().Be("NL");
        lookup.Issuer.Accreditation.Should().Contain("NL-SLP-0042");
        lookup.Issuer.Source.Should().Be("trusted-issuers.json");
    }

    [Fact]
    public async Task A_did_web_issuer_under_the_institutions_website_is_matched_in_deqar()
    {
        var registry = new TrustRegistry([new DeqarTrustSource(await TestRegister.CreateAsync())]);
        var claims = new IssuerClaims { Did = "did:web:credentials.tum.de", DeqarIds = ["DEQARINST0312"] };
        var lookup = await registry.LookupAsync(claims, CancellationToken.None);
        lookup.Issuer!.Kind.Should().Be(RecognitionKinds.Deqar);
        lookup.Issuer.DeqarId.Should().Be("DEQARINST0312");
        lookup.Issuer.LegalName["en"].Should().Be("Technical University of Munich");
        lookup.Issuer.Country.Should().Be("DE");
        lookup.Issuer.Source.Should().Contain("deqar-institutions.csv").And.Contain("https://www.tum.de/");
    }

    [Fact]
    public async Task A_legal_identifier_matches_too()
    {
        var registry = new TrustRegistry([new DeqarTrustSource(await TestRegister.CreateAsync())]);
        var claims = new IssuerClaims { Did = "did:web:www.ub.edu:credentials", Identifiers = [new ClaimedIdentifier("ub.edu", "SCHAC")] };
        (await registry.LookupAsync(claims, CancellationToken.None)).Issuer!.DeqarId.Should().Be("DEQARINST0641");
    }

    [Theory]
    [InlineData("did:web:tum.de.attacker.example")]
    [InlineData("did:web:nottum.de")]
    [InlineData("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK")]
    public async Task A_claimed_deqar_id_that_the_did_cannot_back_is_not_recognised(string did)
    {
        var registry = new TrustRegistry([new DeqarTrustSource(await TestRegister.CreateAsync())]);
        var claims = new IssuerClaims { Did = did, DeqarIds = ["DEQARINST0312"], Identifiers = [new ClaimedIdentifier("DE811193231", "VAT")] };
        var lookup = await registry.LookupAsync(claims, CancellationToken.None);
        lookup.Recognised.Should().BeFalse();
        lookup.Note.Should().Contain("Technical University of Munich").And.Contain("DEQARINST0312");
    }

    [Fact]
    public async Task An_unknown_issuer_is_not_recognised()
    {
        var registry = new TrustRegistry([SampleList(), new DeqarTrustSource(await TestRegister.CreateAsync())]);
        var lookup = await registry.LookupAsync(new IssuerClaims { Did = "did:web:unknown.example", DeqarIds = ["DEQARINST7777"] }, CancellationToken.None);
        lookup.Recognised.Should().BeFalse();
        lookup.Note.Should().BeNull();
    }

    [Fact]
    public async Task The_list_answers_before_deqar()
    {
        var registry = new TrustRegistry([new DeqarTrustSource(await TestRegister.CreateAsync()), SampleList()]);
        var lookup = await registry.LookupAsync(new IssuerClaims { Did = "did:web:credentials.tum.de", DeqarIds = ["DEQARINST0312"] }, CancellationToken.None);
        lookup.Issuer!.Kind.Should().Be(RecognitionKinds.List, "sources are asked by Order, not registration order");
        lookup.Issuer.DeqarId.Should().Be("DEQARINST0312");
    }

    [Fact]
    public void Invalid_list_entries_are_all_reported_with_their_paths()
    {
        var entries = new[]
        {
            (new TrustedIssuerEntry { Did = "not-a-did", LegalName = new() { ["en"] = "X" }, Country = "DE" }, "issuers[0]"),
            (new TrustedIssuerEntry { Did = "did:web:a.example", Country = "Narnia" }, "issuers[1]"),
            (new TrustedIssuerEntry { Did = "did:web:b.example", LegalName = new() { ["en"] = "B" }, Country = "AT", DeqarId = "123x" }, "issuers[2]"),
            (new TrustedIssuerEntry { Did = "did:web:c.example", LegalName = new() { ["en"] = "C" }, Country = "AUT" }, "issuers[3]"),
            (new TrustedIssuerEntry { Did = "did:web:c.example", LegalName = new() { ["en"] = "C" }, Country = "AT" }, "issuers[4]"),
        };
        var (list, errors) = TrustedIssuerList.Create(entries, "test");
        list.Should().BeNull();
        errors.Should().HaveCount(5);
        errors[0].Should().StartWith("issuers[0].did");
        errors[1].Should().StartWith("issuers[1].legalName");
        errors[2].Should().StartWith("issuers[1].country");
        errors[3].Should().StartWith("issuers[2].deqarId");
        errors[4].Should().StartWith("issuers[4].did").And.Contain("twice");
    }

    [Fact]
    public void Elm_issuer_claims_are_read()
    {
        var credential = JsonNode.Parse(File.ReadAllText(Path.Combine(TestData.RepoRoot, "samples", "elm", "mc-ects-eqf.jsonld")))!.AsObject();
        var claims = IssuerClaimsReader.Read(credential, "did:web:credentials.tum.de");
        claims.LegalName!["de"].Should().Be("Technische Universität München");
        claims.Country.Should().Be("DE");
        claims.DeqarIds.Should().Equal("DEQARINST0312");
        claims.Identifiers.Select(i => i.Value).Should().Contain("DE811193231");
        claims.ToView().Identifiers.Should().Contain("DEQAR DEQARINST0312");
    }

    [Fact]
    public void Obv3_sample_issuer_claims_are_read()
    {
        var credential = JsonNode.Parse(File.ReadAllText(Path.Combine(TestData.RepoRoot, "samples", "obv3", "mc-ects-eqf.json")))!.AsObject();
        var claims = IssuerClaimsReader.Read(credential, "did:web:credentials.tum.de");
        claims.LegalName!.Values.Should().Contain("Technical University of Munich");
        claims.Country.Should().Be("DE");
        claims.DeqarIds.Should().Equal("DEQARINST0312");
        claims.Identifiers.Should().Equal(new ClaimedIdentifier("DE811193231", "ext:LegalIdentifier"));
    }

    [Fact]
    public void Open_badges_issuer_claims_are_read()
    {
        var credential = JsonNode.Parse("""
            {"issuer": {"id": "did:web:badges.uni.example", "type": ["Profile"], "name": "Uni Example",
              "otherIdentifier": [
                {"type": "IdentifierEntry", "identifier": "DEQARINST0641", "identifierType": "identifier"},
                {"type": "IdentifierEntry", "identifier": "ESQ0818001B", "identifierType": "taxIdentifier"}],
              "address": {"type": ["Address"], "addressCountryCode": "ES"}}}
            """)!.AsObject();
        var claims = IssuerClaimsReader.Read(credential, "did:web:badges.uni.example");
        claims.LegalName!["und"].Should().Be("Uni Example");
        claims.Country.Should().Be("ES");
        claims.DeqarIds.Should().Equal("DEQARINST0641");
        claims.Identifiers.Should().Equal(new ClaimedIdentifier("ESQ0818001B", "taxIdentifier"));
    }

    [Fact]
    public void Numbers_are_deqar_ids_only_under_a_deqar_scheme()
    {
        var credential = JsonNode.Parse("""
            {"issuer": {"id": "did:web:x.example", "identifier": [
              {"notation": "382", "schemeName": "DEQAR"}, {"notation": "12345", "schemeName": "national register"}]}}
            """)!.AsObject();
        var claims = IssuerClaimsReader.Read(credential, "did:web:x.example");
        claims.DeqarIds.Should().Equal("DEQARINST0382");
        claims.Identifiers.Single().Value.Should().Be("12345");
    }

    [Theory]
    [InlineData("credentials.tum.de", "https://www.tum.de/", true)]
    [InlineData("tum.de", "https://www.tum.de/", true)]
    [InlineData("www.tum.de", "https://www.tum.de/", true)]
    [InlineData("tum.de.evil.example", "https://www.tum.de/", false)]
    [InlineData("eviltum.de", "https://www.tum.de/", false)]
    [InlineData("ut.ee", "https://ut.ee/", true)]
    [InlineData("other.ee", "https://ut.ee/", false)]
    [InlineData("example.com", "https://www.com/", false)]
    public void Did_web_hosts_bind_to_the_website_domain(string host, string website, bool expected) =>
        DidWebDomain.IsUnder(host, website).Should().Be(expected);
}
