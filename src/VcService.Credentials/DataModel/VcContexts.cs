namespace VcService.Credentials.DataModel;

/// <summary>Context URLs and type names of the VC Data Model versions.</summary>
public static class VcContexts
{
    public const string V1 = "https://www.w3.org/2018/credentials/v1";
    public const string V2 = "https://www.w3.org/ns/credentials/v2";
    public const string VerifiableCredential = "VerifiableCredential";
    public const string VerifiablePresentation = "VerifiablePresentation";
}
