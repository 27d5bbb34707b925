namespace ComplianceCheck.Review.Model;

public enum ItemStatus
{
    /// <summary>At the creative stage for the author's own pass over the findings.</summary>
    Draft,

    /// <summary>Waiting for the legal or operations decision (<see cref="ItemState.Stage"/> says which).</summary>
    InReview,

    /// <summary>Sent back to the creative stage by a reviewer; a new version is needed.</summary>
    ChangesRequested,

    Approved,

    Rejected,
}

/// <summary>
/// Where an item is: <c>draft</c>, <c>in-review:legal</c>, <c>in-review:operations</c>, <c>changes-requested</c>,
/// <c>approved</c> or <c>rejected</c>. Draft and changes-requested are both at the creative stage.
/// </summary>
public readonly record struct ItemState(ItemStatus Status, Stage? Stage)
{
    public static ItemState Draft => new(ItemStatus.Draft, Model.Stage.Creative);

    public static ItemState ChangesRequested => new(ItemStatus.ChangesRequested, Model.Stage.Creative);

    public static ItemState Approved => new(ItemStatus.Approved, null);

    public static ItemState Rejected => new(ItemStatus.Rejected, null);

    public static IReadOnlyList<string> Names { get; } =
        ["draft", "in-review:legal", "in-review:operations", "changes-requested", "approved", "rejected"];

    public bool IsClosed => Stage == null;

    public string Name => Status switch
    {
        ItemStatus.Draft => "draft",
        ItemStatus.InReview => "in-review:" + Stages.Name(Stage ?? Model.Stage.Legal),
        ItemStatus.ChangesRequested => "changes-requested",
        ItemStatus.Approved => "approved",
        _ => "rejected",
    };

    public static ItemState InReview(Stage stage) => stage == Model.Stage.Creative ? Draft : new(ItemStatus.InReview, stage);

    public static bool TryParse(string? text, out ItemState state)
    {
        ItemState? parsed = text?.Trim().ToLowerInvariant() switch
        {
            "draft" or "in-review:creative" => Draft,
            "in-review:legal" => InReview(Model.Stage.Legal),
            "in-review:operations" => InReview(Model.Stage.Operations),
            "changes-requested" => ChangesRequested,
            "approved" => Approved,
            "rejected" => Rejected,
            _ => null,
        };
        state = parsed ?? default;
        return parsed != null;
    }

    public override string ToString() => Name;
}
