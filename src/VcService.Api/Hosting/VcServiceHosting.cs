using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using VcService.Api.Admin;
using VcService.Api.Auth;
using VcService.Api.Configuration;
using VcService.Api.Endpoints;
using VcService.Api.Http;
using VcService.Api.Issuance;
using VcService.Api.Status;
using VcService.Api.Tenants;
using VcService.Api.Trust;
using VcService.Credentials.Dids;
using VcService.Credentials.Verification;
using VcService.Credentials.Verification.Checks;
using VcService.MicroCredentials.Verification;
using VcService.Storage.Abstractions;
using VcService.Storage.Sqlite;

namespace VcService.Api.Hosting;

public static class VcServiceHosting
{
    /// <summary>Registers the service: options, storage, keys, issuance, verification, authentication.</summary>
    public static WebApplicationBuilder AddVcService(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<VcServiceOptions>()
            .Bind(builder.Configuration.GetSection(VcServiceOptions.Section))
            .PostConfigure(options => options.PublicBaseUrl ??= DefaultPublicBaseUrl(builder.Configuration));

        var maxBody = builder.Configuration.GetValue<long?>($"{VcServiceOptions.Section}:MaxRequestBodyBytes") ?? new VcServiceOptions().MaxRequestBodyBytes;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxBody);

        services.AddSingleton(TimeProvider.System);
        services.AddStorage(builder.Configuration);

        services.AddSingleton(MasterKey.CreateProtector);
        services.AddSingleton<TenantDids>();
        services.AddSingleton<TenantKeyService>();
        services.AddSingleton<CredentialIssuanceService>();
        services.AddSingleton<JsonBody>();

        services.AddSingleton<IDidResolver, TenantDidResolver>();
        services.AddSingleton<IDidResolver, DidKeyResolver>();
        services.AddSingleton<IDidResolver, DidJwkResolver>();
        services.AddSingleton(sp => new CompositeDidResolver(sp.GetServices<IDidResolver>()));
        services.AddSingleton<IVerificationCheck, FormatCheck>();
        services.AddSingleton<IVerificationCheck, SignatureCheck>();
        services.AddSingleton<IVerificationCheck>(sp => new ValidityCheck(sp.GetRequiredService<IOptions<VcServiceOptions>>().Value.ClockSkew));
        services.AddSingleton<IVerificationCheck, AnnexICheck>();
        services.AddSingleton<CredentialVerifier>();
        services.AddStatusLists(builder.Configuration);
        services.AddTrust(builder.Configuration);

        services.AddVcServiceAuthentication(builder.Configuration);
        services.AddPublicRateLimits(builder.Configuration);
        services.AddSingleton<TenantKeyManagement>();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        });

        services.AddHostedService<StartupInitializer>();
        services.AddHostedService<MasterKeyCheck>();
        return builder;
    }

    /// <summary>The request pipeline and every endpoint group.</summary>
    public static WebApplication MapVcService(this WebApplication app)
    {
        app.UseExceptionHandler(errors => errors.Run(async context =>
        {
            var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            if (error is BadHttpRequestException bad)
            {
                await Problems.Write(context, bad.StatusCode, "Bad request", bad.StatusCode == 413
                    ? "The request body exceeds the size limit."
                    : "The request could not be read.");
                return;
            }
            // No exception text in responses: it could carry internal details.
            await Problems.Write(context, StatusCodes.Status500InternalServerError, "Internal error",
                $"The request failed unexpectedly (trace id {context.TraceIdentifier}).");
        }));
        app.UseStatusCodePages(async status =>
        {
            var response = status.HttpContext.Response;
            if (response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
                await Problems.Write(status.HttpContext, response.StatusCode, ReasonPhrase(response.StatusCode),
                    $"{status.HttpContext.Request.Method} {status.HttpContext.Request.Path} answered {response.StatusCode}.");
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapHealthApi();
        app.MapDidApi();
        app.MapIssuerApi();
        app.MapVerifierApi();
        app.MapVerifyPageApi();
        app.MapStatusApi();
        app.MapContextApi();
        app.MapAdminApi();
        return app;
    }

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";

    private static string DefaultPublicBaseUrl(IConfiguration configuration)
    {
        var urls = configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? configuration["http_ports"];
        var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is null || !first.Contains("://", StringComparison.Ordinal))
            return "http://localhost:5000";
        return first.Replace("://*", "://localhost").Replace("://+", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost").TrimEnd('/');
    }
}
