using Microsoft.Extensions.Options;
using VcService.Api.Hosting;
using VcService.Credentials.Dids;
using VcService.Credentials.Status;
using VcService.Credentials.Verification;
using VcService.Credentials.Verification.Checks;
using VcService.Storage.Abstractions;
using VcService.Storage.Sql;

namespace VcService.Api.Status;

public static class StatusHosting
{
    /// <summary>
    /// Status lists: storage, allocation at issuance, signing and serving, the issuer's status API,
    /// the audit log and the verifier's <c>status</c> check. Own lists are read locally; a remote
    /// fetcher (HTTP with SSRF rules) is added by registering another <see cref="IStatusListFetcher"/>
    /// after this call, ideally wrapped in <see cref="CachingStatusListFetcher"/>; without one,
    /// other issuers' lists are refused and the status check fails closed.
    /// </summary>
    public static IServiceCollection AddStatusLists(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StatusListOptions>().Bind(configuration.GetSection(StatusListOptions.Section))
            .Validate(o => o.CacheMaxAgeSeconds >= 0, $"{StatusListOptions.Section}:CacheMaxAgeSeconds must not be negative.")
            .Validate(o => o.ListValidity > o.CacheMaxAge * 2,
                $"{StatusListOptions.Section}:ListValidity must be longer than twice CacheMaxAgeSeconds (lists are re-signed when less than that remains).")
            .ValidateOnStart();
        // The audit log comes with the stores (AddStorage).
        services.AddSingleton<IStatusListStore>(sp => StorageHosting.CreateStatusListStore(sp,
            new StatusListStoreOptions { ListSize = ValidListSize(sp.GetRequiredService<IOptions<StatusListOptions>>().Value.ListSize) }));
        services.AddSingleton<StatusListUrls>();
        services.AddSingleton<CredentialStatusAssigner>();
        services.AddSingleton<StatusListPublisher>();
        services.AddSingleton<CredentialStatusService>();

        services.AddSingleton<IStatusListFetcher, LocalStatusListFetcher>();
        services.AddSingleton(sp => new StatusListResolver(sp.GetServices<IStatusListFetcher>()));
        services.AddSingleton<IVerificationCheck>(sp => new StatusCheck(
            sp.GetRequiredService<StatusListResolver>(), sp.GetRequiredService<CompositeDidResolver>()));
        return services;
    }

    private static int ValidListSize(int size) =>
        size >= BitstringStatusList.MinimumLength && size % 8 == 0
            ? size
            : throw new InvalidOperationException($"{StatusListOptions.Section}:ListSize must be a multiple of 8 and at least {BitstringStatusList.MinimumLength} (Bitstring Status List §2.2).");
}
