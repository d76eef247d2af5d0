using System.Text.Json.Nodes;
using FluentAssertions;
using VcService.Credentials.Status;

namespace VcService.Status.Tests;

public sealed class StatusListCredentialTests
{
    private static readonly DateTimeOffset From = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
    private const string Url = "https://vc.example/status/demo/abc";

    private static StatusListCredentialInput Input(BitstringStatusList list) =>
        new(Url, "did:web:vc.example:issuers:demo", StatusPurpose.Revocation, list, From, From.AddDays(1), TimeSpan.FromMinutes(5));

    [Fact]
    public void Bitstring_status_list_credential_has_the_vc2_shape()
    {
        var list = new BitstringStatusList();
        list.Set(94567, true);
        var credential = BitstringStatusListCredential.Render(Input(list));
        credential["@context"]!.AsArray().Select(c => (string?)c).Should().Equal("https://www.w3.org/ns/credentials/v2");
        credential["type"]!.AsArray().Select(c => (string?)c).Should().Equal("VerifiableCredential", "BitstringStatusListCredential");
        ((string?)credential["validFrom"]).Should().Be("2026-11-22T08:00:00Z");
        ((string?)credential["validUntil"]).Should().Be("2026-11-23T08:00:00Z");
        var subject = credential["credentialSubject"]!;
        ((string?)subject["id"]).Should().Be(Url + "#list");
        ((string?)subject["type"]).Should().Be("BitstringStatusList");
        ((long)subject["ttl"]!).Should().Be(300_000, "ttl is in milliseconds");
        ((string?)subject["encodedList"]).Should().StartWith("u");

        var (content, error) = StatusListCredentialReader.Read(credential, BitstringStatusListEntry.Type);
        error.Should().BeNull();
        content!.Purposes.Should().Equal("revocation");
        content.ValidUntil.Should().Be(From.AddDays(1));
        BitstringStatusList.Decode(content.EncodedList, content.Form).List!.SetIndices().Should().Equal(94567);
    }

    [Fact]
    public void StatusList2021_credential_has_the_vc11_shape_without_ttl()
    {
        var credential = StatusList2021Credential.Render(Input(new BitstringStatusList()));
        credential["@context"]!.AsArray().Select(c => (string?)c).Should().Equal("https://www.w3.org/2018/credentials/v1", "https://w3id.org/vc/status-list/2021/v1");
        credential["type"]!.AsArray().Select(c => (string?)c).Should().Equal("VerifiableCredential", "StatusList2021Credential");
        ((string?)credential["issuanceDate"]).Should().Be("2026-11-22T08:00:00Z");
        ((string?)credential["expirationDate"]).Should().Be("2026-11-23T08:00:00Z");
        var subject = credential["credentialSubject"]!.AsObject();
        ((string?)subject["type"]).Should().Be("StatusList2021");
        subject.ContainsKey("ttl").Should().BeFalse("the StatusList2021 context defines no ttl term");
        ((string?)subject["encodedList"]).Should().StartWith("H4sI", "StatusList2021 has no multibase prefix");

        StatusListCredentialReader.Read(credential, StatusList2021Entry.Type).Error.Should().BeNull();
        credential["credentialSubject"]!["statusPurpose"] = new JsonArray("revocation", "suspension");
        StatusListCredentialReader.Read(credential, StatusList2021Entry.Type).Content!.Purposes.Should().Equal("revocation", "suspension");
        StatusListCredentialReader.Read(credential, BitstringStatusListEntry.Type).Error.Should().Contain("BitstringStatusListCredential");
    }

    [Fact]
    public void Entries_render_the_index_as_a_string()
    {
        var entry = BitstringStatusListEntry.Render(Url, 94567, StatusPurpose.Suspension);
        JsonNode.DeepEquals(entry, JsonNode.Parse($$"""
            {"id": "{{Url}}#94567", "type": "BitstringStatusListEntry", "statusPurpose": "suspension",
             "statusListIndex": "94567", "statusListCredential": "{{Url}}"}
            """)).Should().BeTrue(entry.ToJsonString());
        ((string?)StatusList2021Entry.Render(Url, 0, StatusPurpose.Revocation)["type"]).Should().Be("StatusList2021Entry");
    }

    [Fact]
    public void Entry_reader_reads_one_or_many_and_names_problems()
    {
        var credential = new JsonObject
        {
            ["credentialStatus"] = new JsonArray(
                StatusList2021Entry.Render(Url, 5, StatusPurpose.Revocation),
                new JsonObject { ["type"] = "CredentialStatusList2017", ["id"] = "x" }),
        };
        var read = StatusListEntryReader.Read(credential);
        read.Entries.Should().ContainSingle().Which.Index.Should().Be(5);
        read.Errors.Should().ContainSingle().Which.Should().Contain("credentialStatus[1]").And.Contain("CredentialStatusList2017");

        credential["credentialStatus"] = BitstringStatusListEntry.Render("ftp://x/y", 1, StatusPurpose.Revocation);
        StatusListEntryReader.Read(credential).Errors.Should().ContainSingle().Which.Should().Contain("statusListCredential");
        credential["credentialStatus"] = new JsonObject { ["type"] = "BitstringStatusListEntry", ["statusPurpose"] = "message", ["statusListIndex"] = "1", ["statusListCredential"] = Url };
        StatusListEntryReader.Read(credential).Errors.Should().ContainSingle().Which.Should().Contain("'message' is not supported");
    }
}
