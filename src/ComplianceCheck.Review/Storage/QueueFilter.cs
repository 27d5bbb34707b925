using ComplianceCheck.Review.Model;

namespace ComplianceCheck.Review.Storage;

/// <summary>The WHERE clause of a queue query's filters; every value goes through a parameter.</summary>
internal sealed class QueueFilter
{
    private readonly List<string> _conditions = [];
    private readonly List<(string Name, object? Value)> _parameters = [];

    private QueueFilter()
    {
    }

    public IReadOnlyList<(string Name, object? Value)> Parameters => _parameters;

    /// <summary>Whether a condition reads the current version (<c>v</c>), not only the item (<c>i</c>).</summary>
    public bool NeedsVersion { get; private set; }

    /// <summary>Tells filters apart: the conditions and each value, length-prefixed so no two filters spell the same key.</summary>
    public string Key => string.Join('\n', _conditions) + "\n" + string.Concat(_parameters.Select(p => $"{p.Value?.ToString()?.Length}:{p.Value};"));

    /// <summary>The filters' conditions and <paramref name="extra"/> (if any), joined by AND.</summary>
    public string WhereClause(string? extra = null)
    {
        var all = extra == null ? _conditions : [.. _conditions, extra];
        return all.Count > 0 ? "WHERE " + string.Join(" AND ", all) : string.Empty;
    }

    public static QueueFilter Of(ItemQuery query)
    {
        var filter = new QueueFilter();
        filter.Add("i.state = $state", "$state", query.State?.Name);
        filter.Add("i.stage = $stage", "$stage", query.Stage is { } stage ? Stages.Name(stage) : null);
        filter.Add("i.product = $product", "$product", query.Product);
        filter.Add("i.channel = $channel", "$channel", query.Channel);
        filter.Add("i.author = $author COLLATE NOCASE", "$author", query.Author);
        filter.Add("i.author <> $notAuthor COLLATE NOCASE", "$notAuthor", query.NotAuthor);
        if (query.Category != null)
        {
            filter.Add("instr(' ' || v.categories || ' ', ' ' || $category || ' ') > 0", "$category", query.Category);
            filter.NeedsVersion = true;
        }

        return filter;
    }

    private void Add(string clause, string name, object? value)
    {
        if (value != null)
        {
            _conditions.Add(clause);
            _parameters.Add((name, value));
        }
    }
}
