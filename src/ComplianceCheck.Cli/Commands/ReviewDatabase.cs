using System.CommandLine;
using ComplianceCheck.Review.Storage;
using Microsoft.Data.Sqlite;

namespace ComplianceCheck.Cli.Commands;

/// <summary>The <c>--db FILE</c> option shared by serve, users and audit, and opening the store it names.</summary>
internal static class ReviewDatabase
{
    public const string DefaultFile = "compliance-review.db";

    public static Option<string> Option() => new("--db")
    {
        Description = $"The review database (SQLite file; default {DefaultFile} in the current folder).",
        DefaultValueFactory = _ => DefaultFile,
    };

    /// <summary>Opens (creating and migrating when <paramref name="mayCreate"/>) the store, as exit code 2 on failure.</summary>
    public static SqliteReviewStore Open(string path, bool mayCreate)
    {
        if (!mayCreate && !File.Exists(path))
        {
            throw new UsageException($"{path}: no review database here (start 'compliance serve --db {path}' or add a user first)");
        }

        try
        {
            return new SqliteReviewStore(path);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: cannot open the review database: {ex.Message}");
        }
    }
}
