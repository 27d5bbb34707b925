using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Rules;
using ComplianceCheck.Review.Checking;
using ComplianceCheck.Review.Model;
using ComplianceCheck.Review.Security;
using ComplianceCheck.Review.Storage;
using ComplianceCheck.Review.Workflow;

namespace ComplianceCheck.Review.Tests;

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}

/// <summary>Drafts whose findings under the built-in rules are known.</summary>
public static class Drafts
{
    /// <summary>Errors (保本, 保收益, 最高, 最好, 无任何风险, a missing risk statement) and one warning (欲购从速).</summary>
    public const string Flawed = "# 稳健理财\n\n本产品保本保收益，年化收益率最高达8%，是市场上最好的理财产品，无任何风险。\n\n欲购从速！\n";

    /// <summary>Exactly two errors: 保本 and 最安全.</summary>
    public const string TwoErrors = "# 一条规则\n\n本产品只保本，最安全。\n";

    /// <summary>No findings at all.</summary>
    public const string Clean = "# 周末读书会\n\n本周六下午两点，我们在城市图书馆举办读书分享会，欢迎报名参加。\n";

    /// <summary>
    /// A draft made unique by a tag no rule reads: a GUID's hex digits spelt as 甲乙丙丁…, since digits could spell a phone
    /// number (…f138-1234-5678…) that a personal-data rule flags, once in a few thousand runs.
    /// </summary>
    public static string Unique(string draft) =>
        draft + "\n稿件标记：" + string.Concat(Guid.NewGuid().ToString("N").Select(c => "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳"[Convert.ToInt32(c.ToString(), 16)]));
}

/// <summary>
/// A real review setup on a fresh SQLite file: the built-in rules, the store, the service, and one or two users of
/// every role. PBKDF2 runs with few iterations here only to keep the suite fast; the hashing code is the same.
/// </summary>
public sealed class ReviewHarness : IDisposable
{
    private static readonly Lazy<RuleEngine> Engine = new(() => new RuleEngine(RuleSet.Load()));

    private readonly bool _ownsFolder;

    /// <summary>A fresh database in a temporary folder, or the file at <paramref name="databasePath"/> (left in place).</summary>
    public ReviewHarness(ReviewPolicy? policy = null, string? databasePath = null)
    {
        _ownsFolder = databasePath == null;
        Folder = databasePath == null ? Path.Combine(Path.GetTempPath(), "cc-review-" + Guid.NewGuid().ToString("N")) : Path.GetDirectoryName(databasePath)!;
        Directory.CreateDirectory(Folder);
        DatabasePath = databasePath ?? Path.Combine(Folder, "review.db");
        Store = new SqliteReviewStore(DatabasePath);
        Clock = new ManualClock(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        Checker = new DraftChecker(Engine.Value);
        Service = new ReviewService(Store, Checker, policy ?? ReviewPolicy.Default, Clock);
        Accounts = new UserAccounts(Store, Clock, new PasswordHasher(iterations: 1_000));
        Alice = AddUser("alice", Role.Creative);
        Carol = AddUser("carol", Role.Creative);
        Lily = AddUser("lily", Role.Legal);
        Leo = AddUser("leo", Role.Legal);
        Oscar = AddUser("oscar", Role.Operations);
        Adam = AddUser("adam", Role.Admin);
    }

    public string Folder { get; }

    public string DatabasePath { get; }

    public SqliteReviewStore Store { get; }

    public ManualClock Clock { get; }

    public DraftChecker Checker { get; }

    public ReviewService Service { get; }

    public UserAccounts Accounts { get; }

    public User Alice { get; }

    public User Carol { get; }

    public User Lily { get; }

    public User Leo { get; }

    public User Oscar { get; }

    public User Adam { get; }

    public static RuleEngine RuleEngine => Engine.Value;

    public User AddUser(string name, Role role) => Accounts.Create(name, role, "test").User;

    public ReviewItem Submit(string content, User? author = null, string fileName = "draft.md") =>
        Service.Submit(author ?? Alice, new NewItem(content, fileName));

    /// <summary>Gives every active finding of the current version a disposition at <paramref name="stage"/>.</summary>
    public ReviewItem DisposeAll(ReviewItem item, User by, DispositionKind kind = DispositionKind.NotRequired, bool errorsOnly = false)
    {
        foreach (var finding in item.Current.ActiveFindings.Where(f => !errorsOnly || f.IsError))
        {
            item = Service.Dispose(by, item.Id, new DispositionRequest(item.Current.Sha256, finding.Index, kind, "reviewed in test"));
        }

        return item;
    }

    public ReviewItem Decide(ReviewItem item, User by, Stage stage, DecisionKind kind = DecisionKind.Approve, string? comment = null) =>
        Service.Decide(by, item.Id, new DecisionRequest(stage, kind, item.Current.Sha256, comment));

    /// <summary>Takes a flawed draft through all three stages to approved.</summary>
    public ReviewItem ApproveFully(string content)
    {
        var item = Submit(content);
        if (item.State == ItemState.Draft)
        {
            item = DisposeAll(item, Alice);
            item = Decide(item, Alice, Stage.Creative);
        }

        item = DisposeAll(item, Lily, DispositionKind.Dismissed, errorsOnly: true);
        item = Decide(item, Lily, Stage.Legal);
        return Decide(item, Oscar, Stage.Operations);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!_ownsFolder)
        {
            return;
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a failing test; the temp folder is cleaned by the OS eventually.
        }
    }
}
