using ComplianceCheck.Review.Model;

namespace ComplianceCheck.Review.Workflow;

/// <summary>A new draft to review. Title defaults to the draft's first line; product and channel to what the checker detects.</summary>
public sealed record NewItem(string Content, string FileName, string? Title = null, string? Product = null, string? Channel = null);

/// <summary>A verdict on finding <paramref name="FindingIndex"/> of the version whose hash is <paramref name="ContentHash"/>.</summary>
public sealed record DispositionRequest(string ContentHash, int FindingIndex, DispositionKind Kind, string? Reason);

/// <summary>A decision at <paramref name="Stage"/> on exactly the content whose hash is <paramref name="ContentHash"/>.</summary>
public sealed record DecisionRequest(Stage Stage, DecisionKind Kind, string ContentHash, string? Comment);
