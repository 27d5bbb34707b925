using ComplianceCheck.Review.Model;
using ComplianceCheck.Review.Storage;
using ComplianceCheck.Review.Workflow;
using Microsoft.Data.Sqlite;

namespace ComplianceCheck.Review.Tests;

public sealed class StoreTests : IDisposable
{
    private readonly ReviewHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public void The_database_is_one_file_in_wal_mode_at_the_latest_schema()
    {
        File.Exists(_h.DatabasePath).ShouldBeTrue();
        Scalar("PRAGMA journal_mode").ShouldBe("wal");
        Scalar("SELECT MAX(version) FROM schema_version").ShouldBe(1L);
    }

    [Fact]
    public void Reopening_an_existing_file_keeps_its_data_and_does_not_migrate_twice()
    {
        var item = _h.Submit(Drafts.Flawed);

        var reopened = new SqliteReviewStore(_h.DatabasePath);

        reopened.GetItem(item.Id)!.Current.Sha256.ShouldBe(item.Current.Sha256);
        reopened.GetItem(item.Id)!.Current.Findings.Count.ShouldBe(item.Current.Findings.Count);
        Scalar("SELECT COUNT(*) FROM schema_version").ShouldBe(1L);
    }

    [Fact]
    public void A_user_name_is_taken_whatever_its_case()
    {
        var refused = Should.Throw<ReviewException>(() => _h.AddUser("ALICE", Role.Legal));

        refused.Error.ShouldBe(ReviewError.Conflict);
        _h.Store.FindUserByName("Alice")!.Role.ShouldBe(Role.Creative);
    }

    [Fact]
    public void A_refused_command_writes_nothing_not_even_an_audit_event()
    {
        var item = _h.Submit(Drafts.TwoErrors);
        int eventsBefore = _h.Store.ReadAudit().Count;

        // The header is updated before the duplicate version fails; none of it may remain.
        var refused = Should.Throw<ReviewException>(() => _h.Store.UpdateItem(item.Id, fresh =>
            ReviewWorkflow.AddComment(fresh, "half a change", _h.Lily, _h.Clock.Now) with { NewVersion = fresh.Current }));

        refused.Error.ShouldBe(ReviewError.Conflict);
        var after = _h.Store.GetItem(item.Id)!;
        after.Comments.ShouldBeEmpty();
        after.Header.Revision.ShouldBe(item.Header.Revision);
        _h.Store.ReadAudit().Count.ShouldBe(eventsBefore);
        _h.Store.VerifyAudit().IsIntact.ShouldBeTrue();
    }

    [Fact]
    public void The_database_itself_refuses_a_second_approval_of_one_stage_and_version()
    {
        var item = _h.Decide(_h.Submit(Drafts.Clean), _h.Lily, Stage.Legal);

        Should.Throw<SqliteException>(() => Scalar(
            $"INSERT INTO decisions (item_id, version, content_hash, stage, kind, actor, role, at) VALUES ({item.Id}, 1, 'x', 'legal', 'approve', 'leo', 'legal', 'now')"));
    }

    [Fact]
    public void The_queue_filters_by_state_stage_product_and_rule_category_and_sorts_by_age()
    {
        var flawed = _h.Submit(Drafts.Flawed);
        _h.Clock.Advance(TimeSpan.FromHours(1));
        var clean = _h.Submit(Drafts.Clean);
        _h.Clock.Advance(TimeSpan.FromHours(1));
        var approved = _h.ApproveFully(Drafts.TwoErrors);

        Ids(new ItemQuery()).ShouldBe([flawed.Id, clean.Id, approved.Id]);
        Ids(new ItemQuery { NewestFirst = true }).ShouldBe([approved.Id, clean.Id, flawed.Id]);
        Ids(new ItemQuery { State = ItemState.Approved }).ShouldBe([approved.Id]);
        Ids(new ItemQuery { Stage = Stage.Legal }).ShouldBe([clean.Id]);
        Ids(new ItemQuery { Category = "inducement" }).ShouldBe([flawed.Id]);
        Ids(new ItemQuery { Product = "wealth" }).ShouldBe([flawed.Id]);
        Ids(new ItemQuery { Author = "carol" }).ShouldBeEmpty();

        var summary = _h.Store.ListItems(new ItemQuery { State = ItemState.Draft }).Single();
        summary.Errors.ShouldBe(flawed.Current.ActiveFindings.Count(f => f.IsError));
        summary.Warnings.ShouldBe(1);
    }

    [Fact]
    public void A_token_is_found_by_its_hash_and_stops_working_when_it_expires()
    {
        var created = _h.Accounts.Create("ci-bot", Role.Creative, "test", TimeSpan.FromDays(1));

        _h.Accounts.FromToken(created.Token)!.Name.ShouldBe("ci-bot");
        _h.Accounts.FromToken(created.Token + "x").ShouldBeNull();
        _h.Accounts.FromToken("cct_forged").ShouldBeNull();
        _h.Clock.Advance(TimeSpan.FromDays(1));
        _h.Accounts.FromToken(created.Token).ShouldBeNull();
        Scalar("SELECT COUNT(*) FROM users WHERE token_hash = '" + created.Token + "' OR password_hash LIKE '%" + created.Password + "%'").ShouldBe(0L);
    }

    [Fact]
    public void Passwords_are_checked_against_a_salted_pbkdf2_hash()
    {
        var created = _h.Accounts.Create("dora", Role.Legal, "test");
        var again = _h.Accounts.Create("dori", Role.Legal, "test");

        _h.Accounts.SignIn("DORA", created.Password)!.Name.ShouldBe("dora");
        _h.Accounts.SignIn("dora", created.Password + "!").ShouldBeNull();
        _h.Accounts.SignIn("nobody", created.Password).ShouldBeNull();
        created.User.PasswordHash.ShouldStartWith("pbkdf2-sha512$1000$");
        created.User.PasswordHash.Split('$')[2].ShouldNotBe(again.User.PasswordHash.Split('$')[2]);
    }

    private List<long> Ids(ItemQuery query) => _h.Store.ListItems(query).Select(i => i.Header.Id).ToList();

    private object? Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_h.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
