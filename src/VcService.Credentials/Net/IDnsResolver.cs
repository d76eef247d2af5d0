using System.Net;

namespace VcService.Credentials.Net;

/// <summary>
/// Name resolution for outbound requests. <see cref="SafeHttpFetcher"/> resolves host names itself
/// (not inside the socket layer) so it can check every address before connecting; tests inject a
/// resolver so no real DNS is needed.
/// </summary>
public interface IDnsResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}

/// <summary>The operating system's resolver.</summary>
public sealed class SystemDnsResolver : IDnsResolver
{
    public static readonly SystemDnsResolver Instance = new();

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Dns.GetHostAddressesAsync(host, cancellationToken);
}
