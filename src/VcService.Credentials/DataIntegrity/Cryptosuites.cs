namespace VcService.Credentials.DataIntegrity;

/// <summary>One shared instance per cryptosuite (over the bundled contexts), and lookup by name.</summary>
public static class Cryptosuites
{
    public static ICryptosuite EddsaRdfc2022 { get; } = new EddsaRdfc2022();

    public static ICryptosuite EddsaJcs2022 { get; } = new EddsaJcs2022();

    public static ICryptosuite EcdsaRdfc2019 { get; } = new EcdsaRdfc2019();

    /// <summary>Not among the required suites, but cheap given the others; verifiers accept it unless they restrict suites.</summary>
    public static ICryptosuite EcdsaJcs2019 { get; } = new EcdsaJcs2019();

    public static IReadOnlyList<ICryptosuite> All { get; } = [EddsaRdfc2022, EddsaJcs2022, EcdsaRdfc2019, EcdsaJcs2019];

    /// <summary>The suite whose <c>cryptosuite</c> string is <paramref name="name"/>, or null.</summary>
    public static ICryptosuite? ByName(string name)
    {
        foreach (var suite in All)
        {
            if (string.Equals(suite.Name, name, StringComparison.Ordinal))
            {
                return suite;
            }
        }
        return null;
    }
}
