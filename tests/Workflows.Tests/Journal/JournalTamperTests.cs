using GridCase.Workflows.Journal;
using GridCase.Workflows.Tests.Runtime;
using static GridCase.Workflows.Tests.Runtime.EngineHarness;

namespace GridCase.Workflows.Tests.Journal;

/// <summary>Every kind of change to a stored journal is detected: edit, deletion, insertion, reordering.</summary>
public sealed class JournalTamperTests
{
    private static async Task<(EngineHarness Engine, Guid Id, IReadOnlyList<JournalEntry> Journal)> ClosedCaseAsync()
    {
        var engine = new EngineHarness();
        await engine.PublishAsync(Fixture("decision"));
        var id = await engine.StartAsync("decision");
        await engine.CompleteAsync(id, "triage", "filed", TownshipDispatcher, new Dictionary<string, object?> { ["difficulty"] = 3 });
        await engine.CompleteAsync(id, "handle", "resolved", CountyDispatcher);
        return (engine, id, await engine.JournalAsync(id));
    }

    [Test]
    public async Task An_untouched_journal_verifies()
    {
        var (engine, id, journal) = await ClosedCaseAsync();

        Assert.That(journal, Has.Count.GreaterThan(10));
        Assert.That(await engine.VerifyAsync(id), Is.EqualTo(new VerifyResult(true, true, null, null)));
    }

    [Test]
    public async Task An_edited_entry_is_detected_at_its_seq()
    {
        var (engine, id, journal) = await ClosedCaseAsync();
        var target = journal.First(e => e.Kind == JournalKinds.Routed);
        var edited = journal.Select(e => e == target ? e with { DataJson = e.DataJson.Replace("140521", "140522", StringComparison.Ordinal) } : e);

        engine.Store.OverwriteJournal(id, edited);
        var verify = await engine.VerifyAsync(id);

        Assert.That(verify.ChainValid, Is.False);
        Assert.That(verify.FirstBadSeq, Is.EqualTo(target.Seq));
    }

    [Test]
    public async Task An_edit_that_recomputes_the_hashes_is_still_caught_by_re_execution()
    {
        var (engine, id, journal) = await ClosedCaseAsync();
        var target = journal.First(e => e.Kind == JournalKinds.Routed);
        var forged = new List<JournalEntry>();
        var prev = JournalChain.GenesisHash;
        foreach (var entry in journal)
        {
            var changed = entry == target ? entry with { Rule = "manual-override" } : entry;
            var sealedEntry = JournalChain.Seal(changed, prev);
            forged.Add(sealedEntry);
            prev = sealedEntry.Hash;
        }

        engine.Store.OverwriteJournal(id, forged);
        var verify = await engine.VerifyAsync(id);

        Assert.That(verify.ChainValid, Is.True);
        Assert.That(verify.ReplayMatches, Is.False);
        Assert.That(verify.FirstBadSeq, Is.EqualTo(target.Seq));
    }

    [Test]
    public async Task A_deleted_entry_is_detected()
    {
        var (engine, id, journal) = await ClosedCaseAsync();

        engine.Store.OverwriteJournal(id, journal.Where(e => e.Seq != 5));
        var verify = await engine.VerifyAsync(id);

        Assert.That(verify.ChainValid, Is.False);
        Assert.That(verify.FirstBadSeq, Is.EqualTo(5));
    }

    [Test]
    public async Task An_inserted_entry_is_detected()
    {
        var (engine, id, journal) = await ClosedCaseAsync();
        var copy = journal[3] with { Kind = JournalKinds.Notified };
        var withInsert = journal.Take(4).Append(copy).Concat(journal.Skip(4)).ToList();

        engine.Store.OverwriteJournal(id, withInsert);
        var verify = await engine.VerifyAsync(id);

        Assert.That(verify.ChainValid, Is.False);
        Assert.That(verify.FirstBadSeq, Is.EqualTo(5));
    }

    [Test]
    public async Task Reordered_entries_are_detected()
    {
        var (engine, id, journal) = await ClosedCaseAsync();
        var reordered = journal.ToList();
        (reordered[6], reordered[7]) = (reordered[7], reordered[6]);

        engine.Store.OverwriteJournal(id, reordered);
        var verify = await engine.VerifyAsync(id);

        Assert.That(verify.ChainValid, Is.False);
        Assert.That(verify.FirstBadSeq, Is.EqualTo(7));
    }

    [Test]
    public async Task Replay_folds_the_active_node_forward_step_by_step()
    {
        var (_, _, journal) = await ClosedCaseAsync();
        var triageOpened = journal.First(e => e.Kind == JournalKinds.TaskOpened && e.NodeId == "triage").Seq;
        var handleOpened = journal.First(e => e.Kind == JournalKinds.TaskOpened && e.NodeId == "handle").Seq;

        var atTriage = JournalReplay.StateAt(journal, triageOpened);
        var atHandle = JournalReplay.StateAt(journal, handleOpened);
        var atEnd = JournalReplay.StateAt(journal, journal.Count);

        Assert.That(atTriage.ActiveNodeIds, Is.EqualTo(new[] { "triage" }));
        Assert.That(atTriage.ResponsibleUnit, Is.EqualTo(Grid.Value));
        Assert.That(atHandle.ActiveNodeIds, Is.EqualTo(new[] { "handle" }));
        Assert.That(atHandle.ResponsibleUnit, Is.EqualTo(County.Value));
        Assert.That(atHandle.Floor, Is.EqualTo("County"));
        Assert.That(atHandle.Variables["difficulty"], Is.EqualTo(3L));
        Assert.That(atEnd.Status, Is.EqualTo("Completed"));
        Assert.That(atEnd.ClosureCode, Is.EqualTo("resolved"));
        Assert.That(atEnd.ActiveNodeIds, Is.Empty);
    }
}
