using System.Globalization;
using ComplianceCheck.Review;
using Microsoft.AspNetCore.Http.Features;

namespace ComplianceCheck.Web.Hosting;

/// <summary>
/// Turns refusals into problem details for the API (and plain pages for the browser), and refuses oversized bodies
/// before anyone reads them.
/// </summary>
internal sealed class ErrorHandling(RequestDelegate next, ILogger<ErrorHandling> logger)
{
    public async Task InvokeAsync(HttpContext context, Microsoft.Extensions.Options.IOptions<ReviewSettings> settings)
    {
        long limit = settings.Value.MaxRequestBytes;
        if (context.Request.ContentLength > limit)
        {
            await Problems.Write(context, StatusCodes.Status413PayloadTooLarge,
                string.Create(CultureInfo.InvariantCulture, $"the request body is {context.Request.ContentLength:N0} bytes; the limit is {limit:N0} bytes"));
            return;
        }

        // In-process hosts (tests) do not enforce Kestrel's limit; this keeps the behaviour the same everywhere.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        try
        {
            await next(context);
        }
        catch (ReviewException ex) when (!context.Response.HasStarted)
        {
            await Problems.Write(context, Problems.StatusOf(ex.Error), ex.Message);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            // Kestrel reports a body over its limit (chunked uploads without a length) this way, with status 413.
            await Problems.Write(context, ex.StatusCode, ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? string.Create(CultureInfo.InvariantCulture, $"the request body is larger than the limit of {limit:N0} bytes")
                : "the request could not be read: " + ex.Message);
        }
        catch (Exception ex) when (!context.Response.HasStarted && ex is not OperationCanceledException)
        {
            logger.LogError(ex, "unhandled error for {Path}", context.Request.Path);
            await Problems.Write(context, StatusCodes.Status500InternalServerError, "the server failed to handle the request; see its log");
        }
    }
}
