using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace VcService.Api.Endpoints;

/// <summary>
/// The verification web page (<c>GET /verify</c>): a static page whose script posts to
/// <c>/v1/verify</c> and renders the report. No third-party assets; a strict Content-Security-Policy.
/// </summary>
public static class VerifyPageApi
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private sealed record Asset(byte[] Content, string ContentType, string ETag);

    private static readonly FrozenDictionary<string, Asset> Assets = new Dictionary<string, Asset>
    {
        ["/verify"] = Load("verify.html", "text/html; charset=utf-8"),
        ["/verify/verify.js"] = Load("verify.js", "text/javascript; charset=utf-8"),
        ["/verify/verify.css"] = Load("verify.css", "text/css; charset=utf-8"),
    }.ToFrozenDictionary();

    public static IEndpointRouteBuilder MapVerifyPageApi(this IEndpointRouteBuilder app)
    {
        foreach (var path in Assets.Keys)
            app.MapGet(path, (HttpContext http) => Serve(http, Assets[path])).WithTags("Verifier").AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static IResult Serve(HttpContext http, Asset asset)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "public, max-age=300";
        headers.ETag = asset.ETag;
        if (http.Request.Headers.IfNoneMatch == asset.ETag)
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(asset.Content, asset.ContentType);
    }

    private static Asset Load(string name, string contentType)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"VcService.Api.Web.{name}")
            ?? throw new InvalidOperationException($"The embedded web asset {name} is missing from the build.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        return new Asset(bytes, contentType, $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"");
    }
}
