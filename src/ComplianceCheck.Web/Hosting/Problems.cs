using System.Text.Json;
using ComplianceCheck.Review;

namespace ComplianceCheck.Web.Hosting;

/// <summary>RFC 9457 problem details, the one error shape of the API.</summary>
internal static class Problems
{
    public static int StatusOf(ReviewError error) => error switch
    {
        ReviewError.Invalid => StatusCodes.Status400BadRequest,
        ReviewError.Forbidden => StatusCodes.Status403Forbidden,
        ReviewError.NotFound => StatusCodes.Status404NotFound,
        ReviewError.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status413PayloadTooLarge,
    };

    public static string TitleOf(int status) => status switch
    {
        400 => "Bad request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not found",
        409 => "Conflict",
        413 => "Payload too large",
        429 => "Too many requests",
        _ => "Server error",
    };

    /// <summary>Problem JSON for the API; a plain-text message for browser pages, which have no use for JSON.</summary>
    public static Task Write(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync($"{status} {TitleOf(status)}: {detail}");
        }

        context.Response.ContentType = "application/problem+json";
        var problem = new Dictionary<string, object?>
        {
            ["type"] = $"https://httpstatuses.io/{status}",
            ["title"] = TitleOf(status),
            ["status"] = status,
            ["detail"] = detail,
            ["instance"] = context.Request.Path.Value,
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(problem));
    }
}
