using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using VcService.Api.Configuration;

namespace VcService.Api.Http;

/// <summary>
/// Reads a request body as JSON with explicit limits (size, depth), turning every failure into a
/// problem that says what was wrong instead of an exception.
/// </summary>
public sealed class JsonBody(IOptions<VcServiceOptions> options)
{
    public Task<(JsonNode? Node, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ReadAsync(request, options.Value.MaxRequestBodyBytes, cancellationToken);

    /// <summary>Reads with an endpoint's own (smaller) size limit.</summary>
    public async Task<(JsonNode? Node, IResult? Problem)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        maxBytes = Math.Min(maxBytes, limits.MaxRequestBodyBytes);
        if (request.ContentLength > maxBytes)
            return (null, TooLarge(maxBytes));
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (mediaType is not null && mediaType != "application/json" && !mediaType.EndsWith("+json", StringComparison.Ordinal))
            return (null, Problems.Result(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"The body must be JSON (application/json), not '{mediaType}'."));

        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
            sizeFeature.MaxRequestBodySize = maxBytes;

        using var buffer = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(buffer, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(maxBytes));
        }
        if (buffer.Length > maxBytes)
            return (null, TooLarge(maxBytes));
        if (buffer.Length == 0)
            return (null, Problems.Result(StatusCodes.Status400BadRequest, "Invalid request", "The request body is empty; a JSON document is expected."));

        try
        {
            var node = JsonNode.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), documentOptions: new JsonDocumentOptions
            {
                MaxDepth = limits.MaxJsonDepth,
                AllowTrailingCommas = false,
                CommentHandling = JsonCommentHandling.Disallow,
            });
            return (node, null);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
            var reason = e.Message.Contains("depth", StringComparison.OrdinalIgnoreCase)
                ? $"it nests deeper than the limit of {limits.MaxJsonDepth} levels"
                : "it is malformed";
            return (null, Problems.Result(StatusCodes.Status400BadRequest, "Invalid JSON", $"The request body is not valid JSON: {reason}{where}."));
        }
    }

    private static IResult TooLarge(long limit) =>
        Problems.Result(StatusCodes.Status413PayloadTooLarge, "Payload too large", $"The request body exceeds the limit of {limit} bytes.");
}
