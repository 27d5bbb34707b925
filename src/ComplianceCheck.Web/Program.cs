namespace ComplianceCheck.Web;

/// <summary>
/// Standalone start: <c>dotnet ComplianceCheck.Web.dll --urls URL --Review:Database FILE</c>. The usual start is
/// <c>compliance serve</c>, which hosts the same app. Tests host it through this entry point (WebApplicationFactory).
/// </summary>
public sealed class Program
{
    public static void Main(string[] args)
    {
        var app = ReviewServer.Create(args);
        ReviewServer.PrintFirstStartHelp(app, Console.Out);
        app.Run();
    }
}
