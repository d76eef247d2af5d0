namespace VcService.LinkedData.JsonLd;

/// <summary>
/// Safe mode: the warning events of digitalbazaar jsonld.js (<c>safe: true</c>) that signal data silently dropped
/// or left relative. With <see cref="JsonLdOptions.SafeMode"/> each raises
/// <see cref="JsonLdErrorCode.SafeModeValidationError"/>; otherwise processing continues per spec.
/// </summary>
internal static class SafeMode
{
    public const string EmptyObject = "empty object";
    public const string FreeFloatingScalar = "free-floating scalar";
    public const string InvalidLanguageValue = "invalid @language value";
    public const string InvalidProperty = "invalid property";
    public const string NullIdValue = "null @id value";
    public const string NullValueValue = "null @value value";
    public const string ObjectWithOnlyId = "object with only @id";
    public const string ObjectWithOnlyLanguage = "object with only @language";
    public const string ObjectWithOnlyList = "object with only @list";
    public const string ObjectWithOnlyValue = "object with only @value";
    public const string RelativeIdReference = "relative @id reference";
    public const string RelativeTypeReference = "relative @type reference";
    public const string RelativeVocabReference = "relative @vocab reference";
    public const string ReservedIdValue = "reserved @id value";
    public const string ReservedReverseValue = "reserved @reverse value";
    public const string ReservedTerm = "reserved term";
    public const string BlankNodePredicate = "blank node predicate";
    public const string RelativeGraphReference = "relative graph reference";
    public const string RelativePropertyReference = "relative property reference";
    public const string RelativeSubjectReference = "relative subject reference";
    public const string RelativeTypeReferenceRdf = "relative type reference";
    public const string RdfDirectionNotSet = "rdfDirection not set";

    public static void Event(bool safeMode, string eventCode, string detail)
    {
        if (safeMode)
        {
            throw new JsonLdException(JsonLdErrorCode.SafeModeValidationError, eventCode + ": " + detail);
        }
    }

    /// <summary>BCP 47 well-formedness, loosely (as jsonld.js): alphanumeric subtags of 1-8 separated by '-'.</summary>
    public static bool IsWellFormedLanguage(string tag)
    {
        if (tag.Length == 0)
        {
            return false;
        }
        var run = 0;
        for (var i = 0; i < tag.Length; i++)
        {
            var c = tag[i];
            if (c == '-')
            {
                if (run == 0 || i == 0)
                {
                    return false;
                }
                run = 0;
                continue;
            }
            var alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            var digit = c >= '0' && c <= '9';
            if (!(alpha || (digit && i > 0 && HasDash(tag, i))))
            {
                return false;
            }
            if (++run > 8)
            {
                return false;
            }
        }
        return run > 0;
    }

    private static bool HasDash(string tag, int before) => tag.LastIndexOf('-', before) >= 0;
}
