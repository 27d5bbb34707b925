using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ComplianceCheck.Review;
using ComplianceCheck.Review.Model;
using ComplianceCheck.Review.Storage;
using ComplianceCheck.Review.Workflow;
using ComplianceCheck.Web.Auth;
using ComplianceCheck.Web.Queue;

namespace ComplianceCheck.Web.Api;

/// <summary>
/// The JSON API for the CLI and CI (Bearer tokens only). Every endpoint names its authorization policy; the
/// per-stage rules (who may decide what, separation of duties) are the workflow's and come back as 403/409.
/// </summary>
internal static class ReviewApi
{
    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void MapReviewApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(AuthSchemes.ApiPolicy);

        api.MapPost("/items", async (HttpContext http, ReviewService reviews) =>
        {
            var body = await ApiRequests.Read<SubmitBody>(http.Request);
            var item = reviews.Submit(CurrentUser.Get(http), new NewItem(
                ApiRequests.Required(body.Content, "content"), ApiRequests.Required(body.FileName, "fileName"), body.Title, body.Product, body.Channel));
            return Json(ItemJson.Item(item, BaseUrl(http)), StatusCodes.Status201Created, $"/api/items/{item.Id}");
        }).RequireAuthorization(AuthSchemes.ApiCreativePolicy);

        api.MapPost("/items/{id:long}/versions", async (long id, HttpContext http, ReviewService reviews) =>
        {
            var body = await ApiRequests.Read<VersionBody>(http.Request);
            var item = reviews.AddVersion(CurrentUser.Get(http), id, ApiRequests.Required(body.Content, "content"), body.BaseSha256);
            return Json(ItemJson.Item(item, BaseUrl(http)), StatusCodes.Status201Created, $"/api/items/{item.Id}");
        }).RequireAuthorization(AuthSchemes.ApiCreativePolicy);

        api.MapGet("/items", (HttpContext http, IReviewStore store, string? state, string? stage, string? product, string? channel,
            string? category, string? author, string? sort, string? limit, string? after, string? before) =>
        {
            var filters = new ItemQuery
            {
                State = state == null ? null : ItemState.TryParse(state, out var s) ? s : throw Invalid($"state '{state}' is not one of {string.Join(", ", ItemState.Names)}"),
                Stage = stage == null ? null : Stages.Parse(stage),
                Product = product,
                Channel = channel,
                Category = category,
                Author = author,
                NewestFirst = sort switch
                {
                    null or "oldest" => false,
                    "newest" => true,
                    _ => throw Invalid($"'sort' must be oldest or newest; got '{sort}'"),
                },
            };
            int pageSize = QueuePages.ParseLimit(limit);
            var page = QueuePages.Read(store, filters, pageSize, after, before);
            string baseUrl = BaseUrl(http);
            string? Link(string key, string? cursor) => cursor == null ? null : $"{baseUrl}/api/items{QueuePages.QueryWith(http.Request.Query, key, cursor)}";
            return Json(new JsonObject
            {
                ["items"] = new JsonArray([.. page.Items.Select(i => (JsonNode)ItemJson.Summary(i, baseUrl))]),
                ["total"] = page.Total,
                ["limit"] = pageSize,
                ["next"] = Link(QueuePages.After, page.NextAfter),
                ["previous"] = Link(QueuePages.Before, page.PreviousBefore),
            });
        });

        api.MapGet("/items/{id:long}", (long id, HttpContext http, ReviewService reviews) => Json(ItemJson.Item(reviews.Get(id), BaseUrl(http))));

        api.MapPost("/items/{id:long}/dispositions", async (long id, HttpContext http, ReviewService reviews) =>
        {
            var body = await ApiRequests.Read<DispositionBody>(http.Request);
            var request = new DispositionRequest(
                ApiRequests.Required(body.ContentHash, "contentHash"), body.Finding ?? throw Invalid("'finding' (the finding's index) is required"),
                DispositionKinds.Parse(body.Disposition), body.Reason);
            return Json(ItemJson.Item(reviews.Dispose(CurrentUser.Get(http), id, request), BaseUrl(http)));
        });

        api.MapPost("/items/{id:long}/decisions", async (long id, HttpContext http, ReviewService reviews) =>
        {
            var body = await ApiRequests.Read<DecisionBody>(http.Request);
            var request = new DecisionRequest(
                Stages.Parse(body.Stage), DecisionKinds.Parse(body.Decision), ApiRequests.Required(body.ContentHash, "contentHash"), body.Comment);
            return Json(ItemJson.Item(reviews.Decide(CurrentUser.Get(http), id, request), BaseUrl(http)));
        });

        api.MapPost("/items/{id:long}/comments", async (long id, HttpContext http, ReviewService reviews) =>
        {
            var body = await ApiRequests.Read<CommentBody>(http.Request);
            var item = reviews.Comment(CurrentUser.Get(http), id, ApiRequests.Required(body.Text, "text"));
            return Json(ItemJson.Item(item, BaseUrl(http)), StatusCodes.Status201Created);
        });

        api.MapGet("/items/{id:long}/audit", (long id, ReviewService reviews) =>
        {
            reviews.Get(id);
            var events = reviews.Store.ReadAudit(id);
            return Json(new JsonObject { ["itemId"] = id, ["events"] = new JsonArray([.. events.Select(e => (JsonNode)ItemJson.Event(e))]) });
        });

        api.MapGet("/approvals/{sha256}", (string sha256, HttpContext http, ReviewService reviews) =>
            Json(ItemJson.Approval(reviews.ApprovalOf(sha256), BaseUrl(http))));

        api.MapGet("/dismissals", (IReviewStore store) =>
            Json(new JsonObject { ["dismissals"] = new JsonArray([.. store.ListDismissals().Select(d => (JsonNode)ItemJson.Dismissal(d))]) }))
            .RequireAuthorization(AuthSchemes.ApiTuningPolicy);
    }

    /// <summary>The address clients reach the server by, for the item URLs the CLI prints.</summary>
    public static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    private static ReviewException Invalid(string message) => new(ReviewError.Invalid, message);

    private static IResult Json(JsonNode node, int status = StatusCodes.Status200OK, string? location = null) => new JsonNodeResult(node, status, location);

    private sealed class JsonNodeResult(JsonNode node, int status, string? location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            if (location != null)
            {
                httpContext.Response.Headers.Location = location;
            }

            httpContext.Response.ContentType = "application/json; charset=utf-8";
            return httpContext.Response.WriteAsync(node.ToJsonString(Output));
        }
    }
}
