using ComplianceCheck.Review.Checking;
using ComplianceCheck.Review.Model;

namespace ComplianceCheck.Review.Workflow;

/// <summary>
/// The rules of 三方联审 as pure functions: given an item as it is now, who asks, and what they ask, return the change
/// to store or refuse with a <see cref="ReviewException"/>. The store calls these inside its transaction, on the item
/// as freshly read, so two concurrent commands can never both pass against the same state.
/// </summary>
public static class ReviewWorkflow
{
    private const int MaxTitleLength = 200;
    private const int MaxFileNameLength = 255;
    private const int MaxCommentLength = 4000;
    private const int MaxReasonLength = 1000;

    public static ItemChange Create(NewItem request, CheckedDraft check, User actor, ReviewPolicy policy, DateTimeOffset now)
    {
        RequireRole(actor, Role.Creative, "submit drafts");
        string fileName = CleanFileName(request.FileName);
        var version = NewVersion(1, request.Content, check, actor, now);
        var state = EntryState(version, policy);
        string? product = request.Product ?? (check.Product == "none" ? null : check.Product);
        var header = new ItemHeader
        {
            Title = CleanTitle(request.Title, request.Content, fileName),
            FileName = fileName,
            Format = check.Format,
            Product = product,
            Channel = request.Channel ?? check.Channel,
            Author = actor.Name,
            CreatedAt = now,
            State = state,
            StageEnteredAt = now,
            UpdatedAt = now,
            CurrentVersion = 1,
        };
        return new ItemChange
        {
            Header = header,
            NewVersion = version,
            Audit =
            [
                Event(actor, "item-created", version.Sha256, now, comment: header.Title),
                Event(actor, "version-submitted", version.Sha256, now, state.Name, $"version 1: {Describe(version)}"),
            ],
        };
    }

    public static ItemChange AddVersion(ReviewItem item, string content, CheckedDraft check, string? baseSha256, User actor, ReviewPolicy policy, DateTimeOffset now)
    {
        RequireRole(actor, Role.Creative, "submit new versions");
        if (item.State.Status == ItemStatus.Rejected)
        {
            throw new ReviewException(ReviewError.Conflict, $"item {item.Id} was rejected; submit the draft as a new item");
        }

        if (baseSha256 != null && baseSha256 != item.Current.Sha256)
        {
            throw new ReviewException(ReviewError.Conflict, $"the new version was based on {Short(baseSha256)} but item {item.Id} is now at version {item.Current.Number} ({Short(item.Current.Sha256)})");
        }

        if (check.Sha256 == item.Current.Sha256)
        {
            throw new ReviewException(ReviewError.Conflict, $"the content is identical to version {item.Current.Number}");
        }

        int number = item.Versions.Max(v => v.Number) + 1;
        var version = NewVersion(number, content, check, actor, now);
        var state = EntryState(version, policy);
        int voided = item.Decisions.Count(d => d.VoidedByVersion == null && DecisionKinds.IsApproval(d.Kind));
        string voidNote = voided > 0 ? $"; voids {voided} earlier approval(s)" : string.Empty;
        return new ItemChange
        {
            Header = item.Header with { State = state, StageEnteredAt = now, UpdatedAt = now, CurrentVersion = number },
            NewVersion = version,
            VoidApprovalsBefore = number,
            Audit = [Event(actor, "version-submitted", version.Sha256, now, state.Name, $"version {number}: {Describe(version)}{voidNote}")],
        };
    }

    public static ItemChange Dispose(ReviewItem item, DispositionRequest request, User actor, DateTimeOffset now)
    {
        var stage = item.State.Stage ?? throw new ReviewException(ReviewError.Conflict, $"item {item.Id} is {item.State.Name}; findings can no longer be disposed");
        RequireStageRole(item, stage, actor, "dispose findings");
        RequireCurrentHash(item, request.ContentHash);
        var finding = item.Current.Findings.FirstOrDefault(f => f.Index == request.FindingIndex)
            ?? throw new ReviewException(ReviewError.Invalid, $"version {item.Current.Number} has no finding {request.FindingIndex}");
        string? reason = Trimmed(request.Reason, MaxReasonLength, "reason");
        if (request.Kind == DispositionKind.Dismissed && reason == null)
        {
            // Dismissals are what rule tuning learns from; one without a reason teaches nothing.
            throw new ReviewException(ReviewError.Invalid, "a dismissal needs a reason");
        }

        var disposition = new Disposition
        {
            Version = item.Current.Number,
            FindingIndex = finding.Index,
            RuleId = finding.RuleId,
            Stage = stage,
            Kind = request.Kind,
            Reason = reason,
            Actor = actor.Name,
            Role = actor.Role,
            At = now,
        };
        string kind = DispositionKinds.Name(request.Kind);
        string note = $"finding {finding.Index} {finding.RuleId} 「{Clip(finding.Match, 40)}」" + (reason == null ? string.Empty : ": " + reason);
        return new ItemChange
        {
            Header = item.Header with { UpdatedAt = now },
            NewDisposition = disposition,
            Audit = [Event(actor, "disposition", item.Current.Sha256, now, kind, note)],
        };
    }

    public static ItemChange Decide(ReviewItem item, DecisionRequest request, User actor, ReviewPolicy policy, DateTimeOffset now)
    {
        if (item.State.IsClosed)
        {
            throw new ReviewException(ReviewError.Conflict, $"item {item.Id} is already {item.State.Name}");
        }

        RequireStageRole(item, request.Stage, actor, "decide");
        if (item.State.Stage != request.Stage)
        {
            throw new ReviewException(ReviewError.Conflict, $"item {item.Id} is at the {Stages.Name(item.State.Stage!.Value)} stage, not {Stages.Name(request.Stage)}");
        }

        RequireCurrentHash(item, request.ContentHash);
        if (!DecisionKinds.AllowedAt(request.Stage).Contains(request.Kind))
        {
            throw new ReviewException(ReviewError.Invalid, $"'{DecisionKinds.Name(request.Kind)}' is not a decision of the {Stages.Name(request.Stage)} stage");
        }

        string? comment = Trimmed(request.Comment, MaxCommentLength, "comment");
        if (comment == null && DecisionKinds.NeedsComment(request.Kind))
        {
            throw new ReviewException(ReviewError.Invalid, $"'{DecisionKinds.Name(request.Kind)}' needs a comment saying what must change or why");
        }

        if (request.Kind == DecisionKind.Approve)
        {
            RequireApprovable(item, request.Stage);
        }

        var next = NextState(item, request.Stage, request.Kind, policy);
        var decision = new Decision
        {
            Version = item.Current.Number,
            ContentHash = item.Current.Sha256,
            Stage = request.Stage,
            Kind = request.Kind,
            Comment = comment,
            Actor = actor.Name,
            Role = actor.Role,
            At = now,
        };
        return new ItemChange
        {
            Header = item.Header with { State = next, StageEnteredAt = next == item.State ? item.Header.StageEnteredAt : now, UpdatedAt = now },
            NewDecision = decision,
            Audit = [Event(actor, "decision", item.Current.Sha256, now, $"{Stages.Name(request.Stage)}:{DecisionKinds.Name(request.Kind)}", comment)],
        };
    }

    public static ItemChange AddComment(ReviewItem item, string text, User actor, DateTimeOffset now)
    {
        string comment = Trimmed(text, MaxCommentLength, "comment") ?? throw new ReviewException(ReviewError.Invalid, "the comment is empty");
        return new ItemChange
        {
            Header = item.Header with { UpdatedAt = now },
            NewComment = new Comment { Version = item.Current.Number, Text = comment, Actor = actor.Name, Role = actor.Role, At = now },
            Audit = [Event(actor, "comment", item.Current.Sha256, now, comment: comment)],
        };
    }

    /// <summary>Whether <paramref name="actor"/> may decide (or dispose findings at) the item's current stage.</summary>
    public static bool CanActAtCurrentStage(ReviewItem item, User actor) =>
        item.State.Stage is { } stage && actor.Role == Stages.DecidedBy(stage) && (stage == Stage.Creative || !IsAuthorOf(item, actor));

    /// <summary>The findings that still stop <paramref name="stage"/> from approving the current version.</summary>
    public static IReadOnlyList<StoredFinding> BlockingFindings(ReviewItem item, Stage stage) => stage switch
    {
        // The author's pass: every finding is either fixed (gone from this version) or given a disposition.
        Stage.Creative => item.Current.ActiveFindings.Where(f => item.DispositionOf(f.Index, Stage.Creative) == null).ToList(),

        // Legal must itself judge every error; the author's own disposition does not count for legal.
        Stage.Legal => item.Current.ActiveFindings.Where(f => f.IsError && item.DispositionOf(f.Index, Stage.Legal) == null).ToList(),
        _ => [],
    };

    private static void RequireApprovable(ReviewItem item, Stage stage)
    {
        if (stage == Stage.Creative && item.State.Status == ItemStatus.ChangesRequested)
        {
            throw new ReviewException(ReviewError.Conflict, $"changes were requested on version {item.Current.Number}; submit a new version");
        }

        var blocking = BlockingFindings(item, stage);
        if (blocking.Count > 0)
        {
            string what = stage == Stage.Creative ? "finding(s) have" : "error finding(s) have";
            throw new ReviewException(ReviewError.Conflict,
                $"{blocking.Count} {what} no {Stages.Name(stage)} disposition yet (first: #{blocking[0].Index} {blocking[0].RuleId} 「{Clip(blocking[0].Match, 40)}」)");
        }
    }

    private static ItemState NextState(ReviewItem item, Stage stage, DecisionKind kind, ReviewPolicy policy) => (stage, kind) switch
    {
        (_, DecisionKind.Reject) => ItemState.Rejected,
        (_, DecisionKind.RequestChanges or DecisionKind.ApproveWithChanges) => ItemState.ChangesRequested,
        (Stage.Creative, _) => ItemState.InReview(IsClean(item.Current) && policy.CleanDraftsSkipLegal ? Stage.Operations : Stage.Legal),
        (Stage.Legal, _) => ItemState.InReview(Stage.Operations),
        _ => ItemState.Approved,
    };

    /// <summary>
    /// Where a fresh version starts: at the author's pass when it has findings, otherwise straight at legal (or at
    /// operations when clean drafts skip legal), since there is nothing for the author to dispose.
    /// </summary>
    private static ItemState EntryState(ItemVersion version, ReviewPolicy policy) =>
        !IsClean(version) ? ItemState.Draft : ItemState.InReview(policy.CleanDraftsSkipLegal ? Stage.Operations : Stage.Legal);

    private static bool IsClean(ItemVersion version) => !version.ActiveFindings.Any();

    private static void RequireRole(User actor, Role role, string what)
    {
        if (actor.Role != role)
        {
            throw new ReviewException(ReviewError.Forbidden, $"only {Roles.Name(role)} users may {what}; {actor.Name} is {Roles.Name(actor.Role)}");
        }
    }

    private static void RequireStageRole(ReviewItem item, Stage stage, User actor, string what)
    {
        // Separation of duties first, so the author is told the real reason rather than only "wrong role".
        if (stage != Stage.Creative && IsAuthorOf(item, actor))
        {
            throw new ReviewException(ReviewError.Forbidden, $"{actor.Name} wrote this draft and may not {what} at the {Stages.Name(stage)} stage (separation of duties)");
        }

        RequireRole(actor, Stages.DecidedBy(stage), $"{what} at the {Stages.Name(stage)} stage");
    }

    /// <summary>The item's author and anyone who submitted one of its versions count as its authors.</summary>
    private static bool IsAuthorOf(ReviewItem item, User actor) =>
        string.Equals(item.Author, actor.Name, StringComparison.OrdinalIgnoreCase)
        || item.Versions.Any(v => string.Equals(v.SubmittedBy, actor.Name, StringComparison.OrdinalIgnoreCase));

    private static void RequireCurrentHash(ReviewItem item, string? contentHash)
    {
        if (!ContentHash.IsWellFormed(contentHash))
        {
            throw new ReviewException(ReviewError.Invalid, "contentHash must be the lowercase hex SHA-256 of the version being decided");
        }

        if (contentHash != item.Current.Sha256)
        {
            var named = item.Versions.FirstOrDefault(v => v.Sha256 == contentHash);
            string which = named == null ? "no version of this item" : $"version {named.Number}";
            throw new ReviewException(ReviewError.Conflict,
                $"content {Short(contentHash!)} is {which}; item {item.Id} is at version {item.Current.Number} ({Short(item.Current.Sha256)})");
        }
    }

    private static ItemVersion NewVersion(int number, string content, CheckedDraft check, User actor, DateTimeOffset now) => new()
    {
        Number = number,
        Sha256 = check.Sha256,
        Content = content,
        Findings = FindingJson.Parse(check.FindingsJson),
        FindingsJson = check.FindingsJson,
        RulesFingerprint = check.RulesFingerprint,
        ModelFingerprint = check.ModelFingerprint,
        ToolVersion = check.ToolVersion,
        SubmittedBy = actor.Name,
        SubmittedAt = now,
    };

    private static AuditEntry Event(User actor, string action, string? versionHash, DateTimeOffset now, string? decision = null, string? comment = null) => new()
    {
        Actor = actor.Name,
        Role = Roles.Name(actor.Role),
        Action = action,
        VersionHash = versionHash,
        Decision = decision,
        Comment = comment,
        At = now,
    };

    private static string Describe(ItemVersion version)
    {
        var active = version.ActiveFindings.ToList();
        return active.Count == 0
            ? "no findings"
            : $"{active.Count(f => f.IsError)} error(s), {active.Count(f => f.Severity == "warning")} warning(s), {active.Count(f => f.Severity == "info")} info; rules {Short(version.RulesFingerprint)}";
    }

    private static string CleanFileName(string fileName)
    {
        // Only the name is kept: a path from the submitter's machine means nothing here and could mislead.
        string name = Path.GetFileName(fileName.Replace('\\', '/').Trim());
        if (name.Length == 0 || name.Length > MaxFileNameLength || name.Any(char.IsControl))
        {
            throw new ReviewException(ReviewError.Invalid, $"fileName must be a file name of 1-{MaxFileNameLength} characters, e.g. draft.md");
        }

        return name;
    }

    private static string CleanTitle(string? title, string content, string fileName)
    {
        string? given = Trimmed(title, MaxTitleLength, "title");
        if (given != null)
        {
            return given;
        }

        string firstLine = content.Split('\n').Select(l => l.Trim().TrimStart('#', ' ', '\t').Trim()).FirstOrDefault(l => l.Length > 0) ?? string.Empty;
        return firstLine.Length == 0 ? fileName : Clip(firstLine, 80);
    }

    private static string? Trimmed(string? text, int maxLength, string what)
    {
        string? trimmed = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (trimmed != null && trimmed.Length > maxLength)
        {
            throw new ReviewException(ReviewError.Invalid, $"the {what} is longer than {maxLength} characters");
        }

        return trimmed;
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;
}
