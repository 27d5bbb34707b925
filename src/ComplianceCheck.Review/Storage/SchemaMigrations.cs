using System.Reflection;

namespace ComplianceCheck.Review.Storage;

/// <summary>
/// Brings a database file up to the current schema on open. Migrations are the embedded <c>NNNN_name.sql</c> scripts,
/// applied in order, each in its own transaction together with the version bump.
/// </summary>
internal static class SchemaMigrations
{
    private static readonly Lazy<IReadOnlyList<(int Version, string Sql)>> Scripts = new(LoadScripts);

    public static int Latest => Scripts.Value[^1].Version;

    public static void Apply(SqliteReviewStore store)
    {
        using (var connection = store.Open())
        {
            connection.Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        }

        foreach (var (version, sql) in Scripts.Value)
        {
            store.Write(connection =>
            {
                // Re-read inside the write transaction: another process may have migrated the file meanwhile.
                long current = connection.Scalar<long>("SELECT COALESCE(MAX(version), 0) FROM schema_version");
                if (current < version)
                {
                    connection.Execute(sql);
                    connection.Execute("INSERT INTO schema_version (version) VALUES ($v)", ("$v", version));
                }

                return 0;
            });
        }
    }

    private static List<(int, string)> LoadScripts()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var scripts = new List<(int, string)>();
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("migrations/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            int version = int.Parse(name["migrations/".Length..].Split('_')[0], System.Globalization.CultureInfo.InvariantCulture);
            scripts.Add((version, reader.ReadToEnd()));
        }

        return scripts;
    }
}
