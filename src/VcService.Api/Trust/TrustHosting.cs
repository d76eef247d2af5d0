using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VcService.Api.Hosting;
using VcService.Credentials.Dids;
using VcService.Credentials.Net;
using VcService.Credentials.Status;
using VcService.Credentials.Verification;
using VcService.MicroCredentials.Trust;
using VcService.MicroCredentials.Verification;

namespace VcService.Api.Trust;

public static class TrustHosting
{
    /// <summary>
    /// did:web resolution of other issuers and remote status lists (both through
    /// <see cref="SafeHttpFetcher"/>), the trust registry (tenants, trusted list, DEQAR data) and the
    /// <c>issuer</c> check. Call after the DID resolvers and status lists are registered: the
    /// resolvers and fetchers added here come after the local ones.
    /// </summary>
    public static IServiceCollection AddTrust(this IServiceCollection services, IConfiguration configuration)
    {
        var didWeb = configuration.GetSection(DidWebSettings.Section).Get<DidWebSettings>() ?? new DidWebSettings();
        var remote = configuration.GetSection(RemoteStatusListSettings.Section).Get<RemoteStatusListSettings>() ?? new RemoteStatusListSettings();
        services.AddOptions<TrustSettings>().Bind(configuration.GetSection(TrustSettings.Section));
        services.AddSingleton<IValidateOptions<TrustSettings>, TrustSettingsValidation>();
        services.AddOptions<TrustSettings>().ValidateOnStart();
        services.AddOptions<DidWebSettings>().Bind(configuration.GetSection(DidWebSettings.Section))
            .Validate(s => s.TimeoutSeconds > 0 && s.MaxBytes > 0 && s.CacheTtlSeconds >= 0, $"{DidWebSettings.Section}: TimeoutSeconds and MaxBytes must be positive, CacheTtlSeconds not negative.")
            .ValidateOnStart();
        services.AddOptions<RemoteStatusListSettings>().Bind(configuration.GetSection(RemoteStatusListSettings.Section))
            .Validate(s => s.TimeoutSeconds > 0 && s.MaxBytes > 0, $"{RemoteStatusListSettings.Section}: TimeoutSeconds and MaxBytes must be positive.")
            .ValidateOnStart();

        services.TryAddSingleton<IDnsResolver>(SystemDnsResolver.Instance);
        if (didWeb.Enabled)
            services.AddSingleton<IDidResolver>(sp => new DidWebResolver(
                new SafeHttpFetcher(didWeb.ToFetcherOptions(didWeb.TimeoutSeconds, didWeb.MaxBytes), sp.GetRequiredService<IDnsResolver>(), sp.GetRequiredService<TimeProvider>()),
                sp.GetRequiredService<TimeProvider>(),
                new DidWebOptions { CacheTtl = TimeSpan.FromSeconds(didWeb.CacheTtlSeconds) }));
        if (remote.Enabled)
            services.AddSingleton<IStatusListFetcher>(sp => new CachingStatusListFetcher(
                new HttpStatusListFetcher(new SafeHttpFetcher(didWeb.ToFetcherOptions(remote.TimeoutSeconds, remote.MaxBytes), sp.GetRequiredService<IDnsResolver>(), sp.GetRequiredService<TimeProvider>())),
                sp.GetRequiredService<TimeProvider>()));

        services.AddSingleton<IDeqarRegister>(StorageHosting.CreateDeqarRegister);
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<TrustSettings>>().Value;
            return new ReloadingTrustedIssuerList(settings.BuildList, settings.ListFile, TimeSpan.FromSeconds(settings.ListReloadSeconds),
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ReloadingTrustedIssuerList>>());
        });
        services.AddSingleton<ITrustSource, TenantTrustSource>();
        services.AddSingleton<ITrustSource>(sp => sp.GetRequiredService<ReloadingTrustedIssuerList>());
        services.AddSingleton<ITrustSource, DeqarTrustSource>();
        services.AddSingleton<TrustRegistry>();
        services.AddSingleton<IVerificationCheck>(sp => new IssuerCheck(
            sp.GetRequiredService<CompositeDidResolver>(),
            sp.GetRequiredService<TrustRegistry>(),
            new IssuerCheckOptions { RequireRecognisedIssuer = sp.GetRequiredService<IOptions<TrustSettings>>().Value.RequireRecognisedIssuer }));
        return services;
    }

    /// <summary>Refuses to start with an invalid trusted issuer list, naming every bad entry.</summary>
    private sealed class TrustSettingsValidation : IValidateOptions<TrustSettings>
    {
        public ValidateOptionsResult Validate(string? name, TrustSettings options)
        {
            var (_, listErrors) = options.BuildList();
            var errors = listErrors.ToList();
            if (options.ListReloadSeconds < 0)
                errors.Add($"{TrustSettings.Section}:ListReloadSeconds must be 0 (read at start-up only) or more, got {options.ListReloadSeconds}");
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
