using System.Text.Json;
using System.Text.Json.Nodes;

namespace VcService.Api.Http;

/// <summary>RFC 9457 problem details (<c>application/problem+json</c>).</summary>
public static class Problems
{
    public const string ContentType = "application/problem+json";

    public static IResult Result(int status, string title, string detail, IEnumerable<object>? errors = null)
    {
        var extensions = new Dictionary<string, object?>();
        if (errors is not null)
            extensions["errors"] = errors;
        return TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);
    }

    /// <summary>A 400 whose <c>errors</c> array lists every problem with the path of its field.</summary>
    public static IResult Validation(string detail, IEnumerable<(string Path, string Message)> errors) =>
        Result(StatusCodes.Status400BadRequest, "Invalid request", detail, errors.Select(e => new { path = e.Path, message = e.Message }));

    public static async Task Write(HttpContext context, int status, string title, string detail)
    {
        if (context.Response.HasStarted)
            return;
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        var body = new JsonObject { ["type"] = "about:blank", ["title"] = title, ["status"] = status, ["detail"] = detail };
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
