using FluentAssertions;
using VcService.Api.Tests;
using VcService.MicroCredentials.Trust;

namespace VcService.Trust.Tests;

public sealed class DeqarCsvReaderTests
{
    internal static readonly string SampleFile = Path.Combine(TestData.RepoRoot, "samples", "deqar", "deqar-institutions.csv");

    private static DeqarCsvResult Read(string text) => DeqarCsvReader.Read(new StringReader(text));

    private const string Header = "deqar_id,eter_id,name_primary,name_official,acronym,country,city,website_link,identifiers\n";

    [Fact]
    public void The_sample_file_reads_completely()
    {
        using var reader = File.OpenText(SampleFile);
        var result = DeqarCsvReader.Read(reader);
        result.FileError.Should().BeNull();
        result.Rejected.Should().BeEmpty();
        result.Institutions.Should().HaveCount(16);

        var tum = result.Institutions.Single(i => i.DeqarId == "DEQARINST0312");
        tum.NamePrimary.Should().Be("Technical University of Munich");
        tum.NameOfficial.Should().Be("Technische Universität München");
        tum.Country.Should().Be("DE");
        tum.EterId.Should().Be("DE0148");
        tum.WebsiteLink.Should().Be("https://www.tum.de/");
        tum.Identifiers.Should().Contain(new DeqarIdentifier("DE811193231", "VAT"));

        var sofia = result.Institutions.Single(i => i.DeqarId == "DEQARINST2310");
        sofia.NamePrimary.Should().Be("Sofia University \"St. Kliment Ohridski\"");
        sofia.NameOfficial.Should().Be("Софийски университет „Св. Климент Охридски“");
    }

    [Fact]
    public void Bad_rows_are_rejected_with_their_line_numbers_and_good_rows_kept()
    {
        var result = Read(Header +
            "DEQARINST0001,AT0001,Good One,,,AT,Vienna,https://one.example,\n" +        // line 2
            ",,No Id,,,AT,,,\n" +                                                      // line 3
            "DEQARINST0003,,Bad Country,,,Atlantis,,,\n" +                             // line 4
            "\"DEQARINST0004\",,\"Quoted, with\nline break\",,,FR,Paris,,\n" +        // lines 5-6
            "DEQARINST0001,,Duplicate,,,AT,,,\n" +                                     // line 7
            "DEQARINST0008,,Too few fields,AT\n" +                                     // line 8
            "DEQARINST0009,,Bad Site,,,AT,,not a url,\n" +                             // line 9
            "NOTANID,,Bad Id,,,AT,,,\n" +                                              // line 10
            "deqarinst10,EL0009,Greek Name,,,Greece,,www.example.gr,SCHAC:example.gr\n"); // line 11

        result.FileError.Should().BeNull();
        result.Institutions.Select(i => i.DeqarId).Should().Equal("DEQARINST0001", "DEQARINST0004", "DEQARINST0010");
        result.Institutions[1].NamePrimary.Should().Be("Quoted, with\nline break");
        result.Institutions[2].Country.Should().Be("GR");
        result.Institutions[2].WebsiteLink.Should().Be("http://www.example.gr/");
        result.Rejected.Select(r => r.Line).Should().Equal(3, 4, 7, 8, 9, 10);
        result.Rejected[0].Message.Should().Contain("deqar_id is empty");
        result.Rejected[1].Message.Should().Contain("Atlantis");
        result.Rejected[2].Message.Should().Contain("first on line 2");
        result.Rejected[3].Message.Should().Contain("fields");
        result.Rejected[4].Message.Should().Contain("website_link");
        result.Rejected[5].Message.Should().Contain("NOTANID");
    }

    [Fact]
    public void Columns_are_found_by_name_in_any_order_with_semicolons_and_a_bom()
    {
        var result = Read("\uFEFFcountry;website_link;name_primary;id;unrelated\nDEU;https://x.example;X University;382;whatever\n");
        result.FileError.Should().BeNull();
        result.Institutions.Single().Should().Match<DeqarInstitution>(i => i.DeqarId == "DEQARINST0382" && i.Country == "DE" && i.NamePrimary == "X University");
    }

    [Fact]
    public void A_header_without_required_columns_is_a_file_error()
    {
        var result = Read("name,website\nX,https://x.example\n");
        result.FileError.Should().Contain("line 1").And.Contain("deqar_id").And.Contain("country");
        result.Institutions.Should().BeEmpty();
    }

    [Fact]
    public void An_unclosed_quote_is_a_file_error_with_its_line()
    {
        var result = Read(Header + "DEQARINST0001,,Good,,,AT,,,\nDEQARINST0002,,\"Never closed,,,AT,,,\n");
        result.FileError.Should().Contain("line 3");
    }
}
