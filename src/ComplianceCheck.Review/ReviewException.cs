namespace ComplianceCheck.Review;

/// <summary>Why a review command was refused; the web layer maps each to its HTTP status.</summary>
public enum ReviewError
{
    /// <summary>The request itself is malformed (400).</summary>
    Invalid,

    /// <summary>The user may not do this (403): wrong role, or the author deciding their own draft.</summary>
    Forbidden,

    /// <summary>No such item or version (404).</summary>
    NotFound,

    /// <summary>The item has moved on (409): stale content hash, a stage that is not current, a closed item.</summary>
    Conflict,

    /// <summary>The draft is larger than the configured limit (413).</summary>
    TooLarge,
}

public sealed class ReviewException(ReviewError error, string message) : Exception(message)
{
    public ReviewError Error { get; } = error;
}
