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
        Scalar("SELECT MAX(version) FROM schema_version").ShouldBe(2L);
    }

    [Fact]
    public void Reopening_an_existing_file_keeps_its_data_and_does_not_migrate_twice()
    {
        var item = _h.Submit(Drafts.Flawed);

        var reopened = new SqliteReviewStore(_h.DatabasePath);

        reopened.GetItem(item.Id)!.Current.Sha256.ShouldBe(item.Current.Sha256);
        reopened.GetItem(item.Id)!.Current.Findings.Count.ShouldBe(item.Current.Findings.Count);
        Scalar("SELECT COUNT(*) FROM schema_version").ShouldBe(2L);
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
    public void The_queue_reads_the_items_after_or_before_a_place_in_either_sort_order_and_breaks_time_ties_by_id()
    {
        var first = _h.Submit(Drafts.Clean + "1");
        _h.Clock.Advance(TimeSpan.FromHours(1));
        var tiedA = _h.Submit(Drafts.Clean + "2");
        var tiedB = _h.Submit(Drafts.Clean + "3");
        var tiedC = _h.Submit(Drafts.Clean + "4");
        _h.Clock.Advance(TimeSpan.FromHours(1));
        var last = _h.Submit(Drafts.Flawed, _h.Carol);
        var atTiedB = QueuePosition.Of(tiedB.Header);

        Ids(new ItemQuery()).ShouldBe([first.Id, tiedA.Id, tiedB.Id, tiedC.Id, last.Id]);
        Ids(new ItemQuery { NewestFirst = true }).ShouldBe([last.Id, tiedC.Id, tiedB.Id, tiedA.Id, first.Id]);
        Ids(new ItemQuery { After = atTiedB }).ShouldBe([tiedC.Id, last.Id]);
        Ids(new ItemQuery { After = atTiedB, Limit = 1 }).ShouldBe([tiedC.Id]);
        Ids(new ItemQuery { Before = atTiedB }).ShouldBe([first.Id, tiedA.Id]);
        Ids(new ItemQuery { Before = QueuePosition.Of(last.Header), Limit = 2 }).ShouldBe([tiedB.Id, tiedC.Id]);
        Ids(new ItemQuery { NewestFirst = true, After = atTiedB }).ShouldBe([tiedA.Id, first.Id]);
        Ids(new ItemQuery { NewestFirst = true, Before = atTiedB, Limit = 1 }).ShouldBe([tiedC.Id]);
        Ids(new ItemQuery { Stage = Stage.Legal, After = QueuePosition.Of(first.Header) }).ShouldBe([tiedA.Id, tiedB.Id, tiedC.Id]);
        Ids(new ItemQuery { NotAuthor = "ALICE" }).ShouldBe([last.Id]);
        Ids(new ItemQuery { After = QueuePosition.Of(last.Header) }).ShouldBeEmpty();
    }

    [Fact]
    public void The_queue_count_is_every_item_the_filters_match_wherever_the_page_is()
    {
        _h.Submit(Drafts.Clean + "1");
        var flawed = _h.Submit(Drafts.Flawed);
        _h.Submit(Drafts.TwoErrors, _h.Carol);

        _h.Store.CountItems(new ItemQuery()).ShouldBe(3);
        _h.Store.CountItems(new ItemQuery { After = QueuePosition.Of(flawed.Header), Limit = 1 }).ShouldBe(3);
        _h.Store.CountItems(new ItemQuery { State = ItemState.Draft }).ShouldBe(2);
        _h.Store.CountItems(new ItemQuery { Category = "inducement" }).ShouldBe(1);
        _h.Store.CountItems(new ItemQuery { Category = "guarantee", NotAuthor = "carol" }).ShouldBe(1);
        _h.Store.CountItems(new ItemQuery { Author = "Carol", Stage = Stage.Legal }).ShouldBe(0);
    }

    [Fact]
    public void A_remembered_count_is_not_served_after_any_change_even_one_written_by_another_store_on_the_file()
    {
        var first = _h.Submit(Drafts.Flawed);
        var otherStore = new SqliteReviewStore(_h.DatabasePath);
        var otherService = new ReviewService(otherStore, _h.Checker, ReviewPolicy.Default, _h.Clock);
        var inducement = new ItemQuery { Category = "inducement", Stage = Stage.Creative };
        _h.Store.CountItems(inducement).ShouldBe(1);
        _h.Store.CountItems(inducement).ShouldBe(1);

        otherService.Submit(_h.Carol, new NewItem(Drafts.Flawed + "\n", "b.md"));
        _h.Store.CountItems(inducement).ShouldBe(2);

        _h.DisposeAll(first, _h.Alice);
        _h.Decide(_h.Store.GetItem(first.Id)!, _h.Alice, Stage.Creative);
        _h.Store.CountItems(inducement).ShouldBe(1);
        otherStore.CountItems(inducement).ShouldBe(1);
        _h.Store.CountItems(inducement with { Stage = Stage.Legal }).ShouldBe(1);
        _h.Store.CountItems(new ItemQuery { Author = "carol" }).ShouldBe(1);
        _h.Store.CountItems(new ItemQuery { Author = "nobody" }).ShouldBe(0);
    }

    [Fact]
    public void The_queue_is_read_through_its_indexes_not_by_scanning_the_versions()
    {
        string plan = string.Join('\n', QueryPlan(
            """
            SELECT v.errors FROM items i JOIN versions v INDEXED BY versions_summary ON v.item_id = i.id AND v.number = i.current_version
            WHERE i.stage = 'legal' AND i.stage_entered_at >= '2026' ORDER BY i.stage_entered_at, i.id LIMIT 51
            """));

        plan.ShouldContain("USING INDEX items_by_stage (stage=? AND stage_entered_at>?)");
        plan.ShouldContain("USING COVERING INDEX versions_summary");
        plan.ShouldNotContain("TEMP B-TREE");
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

    private List<string> QueryPlan(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_h.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        using var reader = command.ExecuteReader();
        var steps = new List<string>();
        while (reader.Read())
        {
            steps.Add(reader.GetString(3));
        }

        return steps;
    }
}
