namespace VcService.LinkedData.JsonLd.Loading;

/// <summary>
/// LoadDocumentCallback (JSON-LD 1.1 API §9.4.1). Implementations must not reach the network unless an operator
/// configured it; unknown URLs raise <see cref="JsonLdErrorCode.LoadingRemoteContextFailed"/>.
/// </summary>
public interface IDocumentLoader
{
    RemoteDocument Load(string url);
}
