using System.CommandLine;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ComplianceCheck.Cli.Commands;

/// <summary>Calls the review server's JSON API for <c>submit</c> and <c>check --require-approval</c>.</summary>
internal sealed class ReviewClient(string server, string token)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    public string Server { get; } = server.TrimEnd('/');

    /// <summary><c>--server URL</c>, defaulting to $COMPLIANCE_SERVER.</summary>
    public static Option<string?> ServerOption() => new("--server")
    {
        Description = "The review server, e.g. http://127.0.0.1:5080 (default: $COMPLIANCE_SERVER).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("COMPLIANCE_SERVER"),
    };

    /// <summary><c>--token TOKEN</c>, defaulting to $COMPLIANCE_TOKEN so CI can keep it out of the command line.</summary>
    public static Option<string?> TokenOption() => new("--token")
    {
        Description = "An API token from 'compliance users add' (default: $COMPLIANCE_TOKEN).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("COMPLIANCE_TOKEN"),
    };

    public static ReviewClient From(string? server, string? token, string verb)
    {
        if (string.IsNullOrWhiteSpace(server) || !Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"{verb} needs --server http(s)://HOST:PORT (or $COMPLIANCE_SERVER)");
        }

        if (string.IsNullOrWhiteSpace(token))
        {
            throw new UsageException($"{verb} needs --token TOKEN (or $COMPLIANCE_TOKEN)");
        }

        return new ReviewClient(server, token.Trim());
    }

    public JsonObject Get(string path) => Send(new HttpRequestMessage(HttpMethod.Get, Server + path));

    public JsonObject Post(string path, object body) =>
        Send(new HttpRequestMessage(HttpMethod.Post, Server + path) { Content = JsonContent.Create(body) });

    private JsonObject Send(HttpRequestMessage request)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using (request)
        {
            HttpResponseMessage response;
            try
            {
                response = Http.Send(request);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                throw new UsageException($"cannot reach the review server at {Server}: {ex.Message}");
            }

            using (response)
            {
                string text = new StreamReader(response.Content.ReadAsStream()).ReadToEnd();
                if (!response.IsSuccessStatusCode)
                {
                    throw new UsageException($"the review server refused {request.Method} {request.RequestUri?.AbsolutePath}: {(int)response.StatusCode} {Detail(text)}");
                }

                try
                {
                    return JsonNode.Parse(text)?.AsObject() ?? throw new UsageException("the review server sent an empty answer");
                }
                catch (JsonException)
                {
                    throw new UsageException($"{Server} did not answer like a compliance review server");
                }
            }
        }
    }

    private static string Detail(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["detail"]?.GetValue<string>() ?? body;
        }
        catch (JsonException)
        {
            return body.Length > 200 ? body[..200] : body;
        }
    }
}
