using System.Text;
using System.Text.Json;
using ComplianceCheck.Review.Audit;
using ComplianceCheck.Review.Model;
using Microsoft.Data.Sqlite;

namespace ComplianceCheck.Review.Tests;

public sealed class AuditTests : IDisposable
{
    private readonly ReviewHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public void Every_change_is_an_audit_event_and_the_chain_verifies()
    {
        var item = _h.ApproveFully(Drafts.TwoErrors);

        var events = _h.Store.ReadAudit(item.Id);
        events.Select(e => e.Entry.Action).ShouldBe(
            ["item-created", "version-submitted", "disposition", "disposition", "decision", "disposition", "disposition", "decision", "decision"]);
        events.Last().Entry.Decision.ShouldBe("operations:approve");
        events.Last().Entry.Actor.ShouldBe("oscar");
        events.Last().Entry.VersionHash.ShouldBe(item.Current.Sha256);
        var verification = _h.Store.VerifyAudit();
        verification.IsIntact.ShouldBeTrue(verification.Problem);
        verification.EventsChecked.ShouldBe(_h.Store.ReadAudit().Count);
    }

    [Fact]
    public void Each_event_links_to_the_hash_of_the_one_before()
    {
        _h.Submit(Drafts.Clean);
        var events = _h.Store.ReadAudit();

        events[0].PreviousHash.ShouldBe(AuditChain.GenesisHash);
        for (int i = 1; i < events.Count; i++)
        {
            events[i].PreviousHash.ShouldBe(events[i - 1].Hash);
        }
    }

    [Fact]
    public void The_database_refuses_to_update_or_delete_audit_events()
    {
        _h.Submit(Drafts.Clean);

        Should.Throw<SqliteException>(() => Execute("UPDATE audit_events SET comment = 'x' WHERE seq = 1")).Message.ShouldContain("append-only");
        Should.Throw<SqliteException>(() => Execute("DELETE FROM audit_events WHERE seq = 1")).Message.ShouldContain("append-only");
    }

    [Fact]
    public void An_edited_event_is_found_and_named()
    {
        var item = _h.ApproveFully(Drafts.TwoErrors);
        long decisionSeq = _h.Store.ReadAudit(item.Id).First(e => e.Entry.Action == "decision").Sequence;

        Tamper($"UPDATE audit_events SET actor = 'mallory' WHERE seq = {decisionSeq}");

        var result = _h.Store.VerifyAudit();
        result.IsIntact.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(decisionSeq);
        result.Problem!.ShouldContain("changed");
    }

    [Fact]
    public void A_deleted_event_in_the_middle_is_found()
    {
        _h.ApproveFully(Drafts.TwoErrors);

        Tamper("DELETE FROM audit_events WHERE seq = 5");

        var result = _h.Store.VerifyAudit();
        result.FirstBadSequence.ShouldBe(5);
        result.Problem!.ShouldContain("missing");
    }

    [Fact]
    public void Deleting_the_newest_events_is_found_through_the_recorded_head()
    {
        _h.ApproveFully(Drafts.TwoErrors);
        long last = _h.Store.ReadAudit().Last().Sequence;

        Tamper($"DELETE FROM audit_events WHERE seq >= {last - 1}");

        var result = _h.Store.VerifyAudit();
        result.IsIntact.ShouldBeFalse();
        result.Problem!.ShouldContain($"{last} event(s) were recorded");
    }

    [Fact]
    public void An_event_edited_into_an_unreadable_timestamp_is_reported_not_thrown()
    {
        _h.Submit(Drafts.Clean);

        Tamper("UPDATE audit_events SET at = 'yesterday' WHERE seq = 2");

        var result = _h.Store.VerifyAudit();
        result.IsIntact.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(2);
    }

    [Fact]
    public void Moving_characters_between_fields_changes_the_hash()
    {
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var a = new AuditEntry { Actor = "ab", Role = "c", Action = "comment", At = at };
        var b = a with { Actor = "a", Role = "bc" };

        AuditChain.HashOf(1, a, AuditChain.GenesisHash).ShouldNotBe(AuditChain.HashOf(1, b, AuditChain.GenesisHash));
        AuditChain.HashOf(1, a, AuditChain.GenesisHash).ShouldNotBe(AuditChain.HashOf(2, a, AuditChain.GenesisHash));
    }

    [Fact]
    public void The_csv_export_has_one_row_per_event_and_keeps_formulas_inert()
    {
        var item = _h.Submit(Drafts.Clean);
        _h.Service.Comment(_h.Lily, item.Id, "=HYPERLINK(\"http://evil\",\"click\"), 逗号");

        using var buffer = new MemoryStream();
        AuditExport.WriteCsv(_h.Store.ReadAudit(), buffer);
        string[] lines = Encoding.UTF8.GetString(buffer.ToArray()).TrimStart('\uFEFF').TrimEnd().Split("\r\n");

        lines[0].ShouldBe("sequence,at,actor,role,action,itemId,versionHash,decision,comment,previousHash,hash");
        lines.Length.ShouldBe(1 + _h.Store.ReadAudit().Count);
        lines[^1].ShouldContain("\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\"), 逗号\"");
    }

    [Fact]
    public void The_json_export_carries_every_field_and_hash()
    {
        _h.Submit(Drafts.Clean);
        var events = _h.Store.ReadAudit();

        using var buffer = new MemoryStream();
        AuditExport.WriteJson(events, buffer);
        using var json = JsonDocument.Parse(buffer.ToArray());

        json.RootElement.GetArrayLength().ShouldBe(events.Count);
        var first = json.RootElement[0];
        first.GetProperty("action").GetString().ShouldBe("user-created");
        first.GetProperty("hash").GetString().ShouldBe(events[0].Hash);
        json.RootElement[events.Count - 1].GetProperty("itemId").GetInt64().ShouldBe(1);
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_h.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>What someone with write access to the file could do: drop the guards, then edit.</summary>
    private void Tamper(string sql) =>
        Execute("DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete; " + sql);
}
