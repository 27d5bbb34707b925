namespace ComplianceCheck.Web.Hosting;

/// <summary>The server's settings, from the configuration section <c>Review</c> (e.g. <c>--Review:Database FILE</c>).</summary>
public sealed class ReviewSettings
{
    public const string Section = "Review";

    /// <summary>The SQLite file; created and migrated on start.</summary>
    public string Database { get; set; } = "compliance-review.db";

    /// <summary>Let clean drafts (no findings) skip legal review. Off by default.</summary>
    public bool CleanDraftsSkipLegal { get; set; }

    /// <summary>The largest draft accepted (UTF-8 bytes); larger ones get 413.</summary>
    public int MaxDraftBytes { get; set; } = 1024 * 1024;

    /// <summary>The largest request body accepted; Kestrel and the API both refuse larger ones with 413.</summary>
    public long MaxRequestBytes { get; set; } = 4L * 1024 * 1024;

    /// <summary>Hours an item may wait at one stage before the queue marks it overdue.</summary>
    public double SlaHours { get; set; } = 24;

    /// <summary>Failed sign-ins allowed per user name (and four times that per client address) in one window.</summary>
    public int LoginMaxFailures { get; set; } = 5;

    public int LoginWindowMinutes { get; set; } = 15;

    /// <summary>The folder for the cookie-encryption keys: beside the database, so sessions survive a restart.</summary>
    public string KeysFolder => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(Database)) ?? ".", Path.GetFileName(Database) + ".keys");
}
