using System.Net;
using static GridCase.Api.Tests.Events.Reads.ReadsKit;

namespace GridCase.Api.Tests.Events.Reads;

/// <summary>GET /api/tasks/stream: Server-Sent Events that tell an open queue to refetch after a commit.</summary>
public sealed class TaskStreamTests
{
    [Test]
    public async Task A_subscriber_hears_a_tasks_event_after_a_report()
    {
        using var township = await SharedApi.Factory.ClientForAsync("d" + Township);
        using var gridMember = await SharedApi.Factory.ClientForAsync("g" + Grid);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        using var stream = await OpenTaskStreamAsync(township, timeout.Token);

        await ReportAsync(gridMember, "推送：新任务");

        var line = await stream.NextTasksEventAsync(timeout.Token);
        Assert.That(line, Is.EqualTo("event: tasks"));
    }

    [Test]
    public async Task The_stream_needs_a_signed_in_caller()
    {
        using var anonymous = SharedApi.Factory.CreateClient();
        using var response = await anonymous.GetAsync("/api/tasks/stream", HttpCompletionOption.ResponseHeadersRead);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
