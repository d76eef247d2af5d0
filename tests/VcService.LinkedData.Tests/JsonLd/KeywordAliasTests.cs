using FluentAssertions;
using VcService.LinkedData.JsonLd;
using VcService.LinkedData.JsonLd.Context;

namespace VcService.LinkedData.Tests.JsonLd;

/// <summary>
/// <see cref="ActiveContext.ExpandsTo"/> (the alias shortcut of expansion steps 7 and 11) agrees with full IRI
/// expansion of the key, also for contexts where concatenation could form a keyword.
/// </summary>
public sealed class KeywordAliasTests
{
    public static TheoryData<string> Contexts() =>
    [
        """{"@vocab": "http://e/"}""",
        """{"id": "@id", "type": "@type", "value": "@value", "@vocab": "http://e/"}""",
        """{"kind": "@type", "kind2": "@type", "v": {"@id": "@value"}, "p": "http://e/p#"}""",
        """{"@vocab": "@"}""",
        """{"@vocab": "@", "ty": "@type"}""",
        """{"t": "@type", "x": "@vocab"}""",
        """{"@type": {"@container": "@set"}, "type": "@type"}""",
    ];

    [Theory]
    [MemberData(nameof(Contexts))]
    public void ShortcutAgreesWithIriExpansion(string context)
    {
        var options = new JsonLdOptions();
        var processor = new ContextProcessor(options);
        var local = JsonModel.FromNode(System.Text.Json.Nodes.JsonNode.Parse(context), 100);
        var active = processor.Process(processor.Initial(null), local, null);
        string[] keys = ["@type", "@id", "@value", "type", "id", "value", "kind", "kind2", "v", "t", "ty", "x", "p:x", "other", "@other", "_:b", "http://e/type"];
        foreach (var key in keys)
        {
            foreach (var keyword in new[] { Keywords.Type, Keywords.Id, Keywords.Value })
            {
                active.ExpandsTo(key, keyword).Should().Be(IriExpander.Expand(active, key, false, true) == keyword, $"key '{key}', keyword {keyword}");
            }
        }
    }
}
