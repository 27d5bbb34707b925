using System.Net.Http.Json;
using ComplianceCheck.Review.Model;
using ComplianceCheck.Review.Tests;
using ComplianceCheck.Review.Workflow;

namespace ComplianceCheck.Web.Tests;

/// <summary>Every API endpoint called by every kind of caller, each with the status it must get.</summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.Fixture app) : IClassFixture<AuthorizationMatrixTests.Fixture>
{
    public static readonly string[] Callers = ["anonymous", "forged", "expired", "author", "creative", "legal", "operations", "admin"];

    /// <summary>endpoint → expected status per caller, in the order of <see cref="Callers"/>.</summary>
    private static readonly Dictionary<string, int[]> Expected = new()
    {
        ["POST /api/items"] = [401, 401, 401, 201, 201, 403, 403, 403],
        ["POST /api/items/{id}/versions"] = [401, 401, 401, 201, 201, 403, 403, 403],
        ["GET /api/items"] = [401, 401, 401, 200, 200, 200, 200, 200],
        ["GET /api/items?limit=1&after={cursor}"] = [401, 401, 401, 200, 200, 200, 200, 200],
        ["GET /api/items/{id}"] = [401, 401, 401, 200, 200, 200, 200, 200],
        ["POST /api/items/{id}/dispositions (legal stage)"] = [401, 401, 401, 403, 403, 200, 403, 403],
        ["POST /api/items/{id}/decisions (legal stage)"] = [401, 401, 401, 403, 403, 200, 403, 403],
        ["POST /api/items/{id}/decisions (operations stage)"] = [401, 401, 401, 403, 403, 403, 200, 403],
        ["POST /api/items/{id}/comments"] = [401, 401, 401, 201, 201, 201, 201, 201],
        ["GET /api/items/{id}/audit"] = [401, 401, 401, 200, 200, 200, 200, 200],
        ["GET /api/approvals/{sha256}"] = [401, 401, 401, 200, 200, 200, 200, 200],
        ["GET /api/dismissals"] = [401, 401, 401, 403, 403, 200, 403, 200],
    };

    public static TheoryData<string, string, int> Cases()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (endpoint, statuses) in Expected)
        {
            for (int i = 0; i < Callers.Length; i++)
            {
                data.Add(endpoint, Callers[i], statuses[i]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Endpoint_answers_caller_with_the_expected_status(string endpoint, string caller, int expected)
    {
        var item = ItemFor(endpoint);
        using var client = app.Api(TokenOf(caller));
        string path = endpoint.Split(' ')[1].Replace("{id}", item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{sha256}", item.Current.Sha256, StringComparison.Ordinal);
        if (path.Contains("{cursor}", StringComparison.Ordinal))
        {
            path = path.Replace("{cursor}", await FirstPageCursor(), StringComparison.Ordinal);
        }

        object? body = endpoint switch
        {
            "POST /api/items" => new { content = Drafts.Clean, fileName = "a.md" },
            "POST /api/items/{id}/versions" => new { content = Drafts.Unique(Drafts.Clean) },
            "POST /api/items/{id}/dispositions (legal stage)" => new { contentHash = item.Current.Sha256, finding = 0, disposition = "dismissed", reason = "quoted law" },
            "POST /api/items/{id}/decisions (legal stage)" => new { stage = "legal", decision = "approve", contentHash = item.Current.Sha256 },
            "POST /api/items/{id}/decisions (operations stage)" => new { stage = "operations", decision = "approve", contentHash = item.Current.Sha256 },
            "POST /api/items/{id}/comments" => new { text = "看过了" },
            _ => null,
        };

        using var response = body == null ? await client.GetAsync(path) : await client.PostAsJsonAsync(path, body);

        ((int)response.StatusCode).ShouldBe(expected, await response.Content.ReadAsStringAsync());
        if (expected >= 400)
        {
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }

        if (expected == 401)
        {
            response.Headers.WwwAuthenticate.ToString().ShouldStartWith("Bearer");
        }
    }

    private ReviewItem ItemFor(string endpoint)
    {
        if (endpoint.Contains("(legal stage)", StringComparison.Ordinal) && endpoint.Contains("dispositions", StringComparison.Ordinal))
        {
            // A draft with findings, passed on by its author, now waiting for legal's dispositions.
            var flawed = app.Submit(Drafts.TwoErrors, app.Alice);
            foreach (var f in flawed.Current.ActiveFindings)
            {
                flawed = app.Reviews.Dispose(app.Alice.User, flawed.Id, new DispositionRequest(flawed.Current.Sha256, f.Index, DispositionKind.Confirmed, null));
            }

            return app.Reviews.Decide(app.Alice.User, flawed.Id, new DecisionRequest(Stage.Creative, DecisionKind.Approve, flawed.Current.Sha256, null));
        }

        var item = app.Submit(Drafts.Unique(Drafts.Clean), app.Alice);
        if (endpoint.Contains("(operations stage)", StringComparison.Ordinal))
        {
            item = app.Reviews.Decide(app.Lily.User, item.Id, new DecisionRequest(Stage.Legal, DecisionKind.Approve, item.Current.Sha256, null));
        }

        return item;
    }

    /// <summary>A real cursor (the first page's next link, as admin reads it), so the request reaches paging.</summary>
    private async Task<string> FirstPageCursor()
    {
        using var admin = app.Api(app.Adam);
        var (_, page) = await admin.GetJson("/api/items?limit=1");
        string next = page["next"]!.GetValue<string>();
        return next[(next.IndexOf("after=", StringComparison.Ordinal) + "after=".Length)..];
    }

    private string? TokenOf(string caller) => caller switch
    {
        "anonymous" => null,
        "forged" => "cct_" + new string('A', 43),
        "expired" => app.Expired.Token,
        "author" => app.Alice.Token,
        "creative" => app.Carol.Token,
        "legal" => app.Lily.Token,
        "operations" => app.Oscar.Token,
        _ => app.Adam.Token,
    };

    public sealed class Fixture : ReviewAppFactory
    {
        public Fixture()
        {
            Expired = AddUser("old-bot", Role.Creative, TimeSpan.FromHours(1));
            Clock.Advance(TimeSpan.FromHours(2));
        }

        /// <summary>A creative account whose token ran out an hour ago.</summary>
        public TestUser Expired { get; }
    }
}
