using System.Text.Json;
using ComplianceCheck.Review;

namespace ComplianceCheck.Web.Api;

internal sealed record SubmitBody(string? Content, string? FileName, string? Product, string? Channel, string? Title);

internal sealed record VersionBody(string? Content, string? BaseSha256);

internal sealed record DispositionBody(string? ContentHash, int? Finding, string? Disposition, string? Reason);

internal sealed record DecisionBody(string? Stage, string? Decision, string? ContentHash, string? Comment);

internal sealed record CommentBody(string? Text);

/// <summary>Reads JSON bodies so that a malformed one is a clear 400, not a bare status.</summary>
internal static class ApiRequests
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static async Task<T> Read<T>(HttpRequest request)
        where T : class
    {
        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            throw new ReviewException(ReviewError.Invalid, "send the request body as application/json");
        }

        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, Options, request.HttpContext.RequestAborted)
                ?? throw new ReviewException(ReviewError.Invalid, "the request body is empty");
        }
        catch (JsonException ex)
        {
            throw new ReviewException(ReviewError.Invalid, "the request body is not valid JSON for this endpoint: " + ex.Message);
        }
    }

    public static string Required(string? value, string name) =>
        string.IsNullOrEmpty(value) ? throw new ReviewException(ReviewError.Invalid, $"'{name}' is required") : value;
}
