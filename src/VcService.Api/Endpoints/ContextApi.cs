using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;
using VcService.LinkedData.JsonLd.Loading;
using VcService.MicroCredentials;

namespace VcService.Api.Endpoints;

/// <summary>
/// The JSON-LD contexts this service publishes: <c>GET /contexts/annex-i/v1</c> serves the obv3 profile's
/// Annex I extension context (<see cref="Obv3Vocabulary.AnnexIContext"/>), the same bytes the service and
/// verifiers bundle. A published context version never changes, so it is cacheable for a year.
/// </summary>
public static class ContextApi
{
    public const string JsonLdMediaType = "application/ld+json";
    public const string CacheControl = "public, max-age=31536000, immutable";

    public static IEndpointRouteBuilder MapContextApi(this IEndpointRouteBuilder app)
    {
        var annexI = Published.Create(Obv3Vocabulary.AnnexIContext);
        app.MapGet("/contexts/annex-i/v1", (HttpContext http) => annexI.Serve(http)).WithTags("Contexts").AllowAnonymous();
        return app;
    }

    private sealed record Published(string Json, string ETag)
    {
        public static Published Create(string url)
        {
            if (!BundledDocumentLoader.Default.TryGetJson(url, out var json))
                throw new InvalidOperationException($"the context {url} is not bundled");
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(json));
            return new Published(json, $"\"{Convert.ToHexStringLower(hash.AsSpan(0, 16))}\"");
        }

        public IResult Serve(HttpContext http)
        {
            var headers = http.Response.Headers;
            headers.ETag = ETag;
            headers.CacheControl = CacheControl;
            // Public data that browser wallets and verifiers on other origins fetch.
            headers.AccessControlAllowOrigin = "*";
            headers.AccessControlExposeHeaders = "ETag, Cache-Control";
            if (EntityTagHeaderValue.TryParseList(http.Request.Headers.IfNoneMatch, out var tags)
                && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(EntityTagHeaderValue.Parse(ETag), useStrongComparison: false)))
                return TypedResults.StatusCode(StatusCodes.Status304NotModified);
            return Results.Text(Json, JsonLdMediaType, Encoding.UTF8);
        }
    }
}
