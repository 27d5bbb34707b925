namespace ComplianceCheck.Web.Auth;

/// <summary>The browser signs in with a cookie; the API only accepts Bearer tokens (so a cookie can never be used cross-site against it).</summary>
public static class AuthSchemes
{
    public const string Cookie = "Cookies";
    public const string Bearer = "Bearer";

    /// <summary>Any signed-in API caller.</summary>
    public const string ApiPolicy = "api";

    /// <summary>API callers who may submit drafts and versions.</summary>
    public const string ApiCreativePolicy = "api-creative";

    /// <summary>API callers who may read the dismissal log for rule tuning.</summary>
    public const string ApiTuningPolicy = "api-tuning";
}
