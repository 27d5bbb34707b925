namespace ComplianceCheck.Web.Hosting;

/// <summary>Serves the embedded stylesheet (the app has no other static files and no scripts).</summary>
internal static class Assets
{
    private const string StyleSheet = "app.css";

    private static readonly Lazy<byte[]> StyleSheetBytes = new(() =>
    {
        using var stream = typeof(Assets).Assembly.GetManifestResourceStream("assets/" + StyleSheet)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    });

    public static IResult Serve(string name, HttpContext context)
    {
        if (name != StyleSheet)
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Bytes(StyleSheetBytes.Value, "text/css; charset=utf-8");
    }
}
