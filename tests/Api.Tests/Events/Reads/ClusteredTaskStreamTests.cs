using GridCase.Api.Tasks.Stream;
using GridCase.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static GridCase.Api.Tests.Events.Reads.ReadsKit;

namespace GridCase.Api.Tests.Events.Reads;

/// <summary>
/// Two API nodes on one PostgreSQL database: a queue open on node A hears a case reported on node B (PostgreSQL
/// LISTEN/NOTIFY, sent inside B's transaction), though nothing happened on A itself.
/// </summary>
public sealed class ClusteredTaskStreamTests
{
    [Test]
    public async Task A_stream_on_one_node_hears_a_report_committed_on_the_other()
    {
        await using var database = await PostgresTestDatabase.CreateAsync("gridcase_stream");
        // Both nodes share the data folder for the demo signing key, so one node's token works on the other.
        var data = Path.Combine(Path.GetTempPath(), "gridcase-api-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using var nodeB = new GridCaseApiFactory("postgres", database.ConnectionString, dataDirectory: data);
            using var gridMemberOnB = await nodeB.ClientForAsync("g" + Grid);
            await using var nodeA = new GridCaseApiFactory("postgres", database.ConnectionString, dataDirectory: data);
            using var townshipOnA = await nodeA.ClientForAsync("d" + Township);

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var listener = nodeA.Services.GetRequiredService<PostgresTaskChangeListener>();
            while (!listener.Listening)
            {
                await Task.Delay(50, timeout.Token);
            }

            using var stream = await OpenTaskStreamAsync(townshipOnA, timeout.Token);

            await ReportAsync(gridMemberOnB, "推送：另一节点的新任务");

            var line = await stream.NextTasksEventAsync(timeout.Token);
            Assert.That(line, Is.EqualTo("event: tasks"));
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }
}
